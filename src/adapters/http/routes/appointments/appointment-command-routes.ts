import type { BookForPatientHandler } from '../../../../application/booking/commands/book-for-patient.js';
import type { CancelAppointmentHandler } from '../../../../application/booking/commands/cancel-appointment.js';
import type { UpdateAppointmentHandler } from '../../../../application/booking/commands/update-appointment.js';
import { endpoint, type Endpoint } from '../../endpoint.js';
import {
  AppointmentIdParams,
  CancelBody,
  StaffBookingBody,
  UpdateAppointmentBody,
} from '../booking/booking-command-schemas.js';
import { authErrors, messageOnly } from '../common-responses.js';
import {
  AppointmentData,
  appointmentView,
  StaffBookingData,
  staffBookingMessage,
  staffBookingView,
} from './appointment-command-view.js';

export interface AppointmentCommandHandlers {
  bookForPatient: BookForPatientHandler;
  update: UpdateAppointmentHandler;
  cancel: CancelAppointmentHandler;
}

const tag = 'Appointments';
const errors = authErrors(['VALIDATION_ERROR', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);
const coordinators = ['ADMIN', 'MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR'] as const;

/** Staff create, reschedule or change and cancel appointments; centre-bound staff only at their centre. */
export function appointmentCommandRoutes(h: AppointmentCommandHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'POST',
      path: '/api/appointments',
      tag,
      summary: 'Create an appointment for a patient (payment link sent after booking)',
      description:
        "No notice is needed. A `consultationFee` different from the clinician's is a concession. The slot is held until the payment link expires (PAYMENT_LINK_EXPIRY_HOURS, never past the start); if the provider fails, the appointment stays PENDING with `paymentLink: null`.",
      access: { kind: 'staff', roles: [...coordinators, 'FRONT_DESK'] },
      rateLimit: 'general',
      body: StaffBookingBody,
      responses: [
        { status: 201, description: 'Created', data: StaffBookingData },
        ...errors,
        ...authErrors(['SLOT_UNAVAILABLE']),
      ],
      handle: async ({ body, actor }) => {
        const { patientId, ...rest } = body;
        const booking = await h.bookForPatient.execute({ ...rest, patient: { patientId } }, actor);
        return { status: 201, message: staffBookingMessage(booking), data: staffBookingView(booking) };
      },
    }),
    endpoint({
      method: 'PUT',
      path: '/api/appointments/:id',
      tag,
      summary: 'Reschedule to an open slot, change the status, or revise notes',
      description:
        'CONFIRMED without payment means pay at the centre (`paymentStatus` stays PENDING). COMPLETED and NO_SHOW only once the session has started.',
      access: { kind: 'staff', roles: coordinators },
      rateLimit: 'general',
      params: AppointmentIdParams,
      body: UpdateAppointmentBody,
      responses: [
        { status: 200, description: 'Updated', data: AppointmentData },
        ...errors,
        ...authErrors(['SLOT_UNAVAILABLE', 'INVALID_STATE_TRANSITION']),
      ],
      handle: async ({ params, body, actor }) => {
        const { appointment, timezone } = await h.update.execute({ id: params.id, ...body }, actor);
        return { message: 'Appointment updated successfully', data: appointmentView(appointment, timezone) };
      },
    }),
    endpoint({
      method: 'DELETE',
      path: '/api/appointments/:id',
      tag,
      summary: 'Cancel an appointment (any time before it starts)',
      access: { kind: 'staff', roles: [...coordinators, 'FRONT_DESK'] },
      rateLimit: 'general',
      params: AppointmentIdParams,
      body: CancelBody,
      responses: [messageOnly('Cancelled'), ...errors, ...authErrors(['INVALID_STATE_TRANSITION'])],
      handle: async ({ params, body, actor }) => {
        await h.cancel.byStaff({ id: params.id, reason: body.reason }, actor);
        return { message: 'Appointment cancelled successfully' };
      },
    }),
  ];
}
