import * as v from 'valibot';
import type { AvailableSlotsHandler } from '../../../../application/scheduling/queries/available-slots.js';
import { anyStaff, endpoint, publicAccess, type Endpoint } from '../../endpoint.js';
import { idParam, localDate } from '../../schemas/common.js';
import { authErrors } from '../common-responses.js';

const SlotsQuery = v.strictObject({ clinicianId: idParam, centreId: v.optional(idParam), date: localDate });
const StaffSlotsQuery = v.strictObject({
  clinician_id: idParam,
  centre_id: v.optional(idParam),
  date: localDate,
});

/** The public grid (each slot open or not, with the patients' notice) and the staff list of open times. */
export function availableSlotsRoutes(slots: AvailableSlotsHandler): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/booking/available-slots',
      tag: 'Booking',
      summary: "A clinician's slots on a date at a centre, each open or taken",
      description:
        "Times are wall-clock times in the centre's time zone. `centreId` defaults to the clinician's primary centre.",
      access: publicAccess,
      rateLimit: 'general',
      query: SlotsQuery,
      responses: [
        {
          status: 200,
          description: 'Slots',
          data: v.object({
            date: v.string(),
            availableSlots: v.array(v.object({ time: v.string(), available: v.boolean() })),
          }),
        },
        ...authErrors(['VALIDATION_ERROR', 'NOT_FOUND']),
      ],
      handle: async ({ query }) => {
        const result = await slots.execute(query, 'patient');
        return {
          data: {
            date: result.date.toString(),
            availableSlots: result.slots.map((slot) => ({
              time: slot.time.toString(),
              available: slot.available,
            })),
          },
        };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/appointments/availability',
      tag: 'Appointments',
      summary: "A clinician's open times on a date (staff may book without the patients' notice)",
      access: anyStaff,
      rateLimit: 'general',
      query: StaffSlotsQuery,
      responses: [
        { status: 200, description: 'Open times', data: v.object({ availableSlots: v.array(v.string()) }) },
        ...authErrors(['VALIDATION_ERROR', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']),
      ],
      handle: async ({ query }) => {
        const result = await slots.execute(
          { clinicianId: query.clinician_id, centreId: query.centre_id, date: query.date },
          'staff',
        );
        return {
          data: { availableSlots: result.slots.filter((s) => s.available).map((s) => s.time.toString()) },
        };
      },
    }),
  ];
}
