import * as v from 'valibot';
import type { BookAppointmentHandler } from '../../../../application/booking/commands/book-appointment.js';
import type { BookForPatientHandler } from '../../../../application/booking/commands/book-for-patient.js';
import type { CancelAppointmentHandler } from '../../../../application/booking/commands/cancel-appointment.js';
import { paiseToRupees } from '../../../../domain/shared/money.js';
import { endpoint, patientOnly, type Endpoint } from '../../endpoint.js';
import {
  StaffBookingData,
  staffBookingMessage,
  staffBookingView,
} from '../appointments/appointment-command-view.js';
import { authErrors, messageOnly } from '../common-responses.js';
import {
  AppointmentIdParams,
  CancelBody,
  FrontDeskBookingBody,
  PatientBookingBody,
} from './booking-command-schemas.js';

export interface BookingCommandHandlers {
  book: BookAppointmentHandler;
  bookForPatient: BookForPatientHandler;
  cancel: CancelAppointmentHandler;
}

const tag = 'Booking';
const errors = authErrors(['VALIDATION_ERROR', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);
const slotErrors = authErrors(['SLOT_UNAVAILABLE', 'GATEWAY_UNAVAILABLE']);

/** The patient's booking and cancellation, and the front desk's booking by phone. */
export function bookingCommandRoutes(h: BookingCommandHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'POST',
      path: '/api/booking/create',
      tag,
      summary: 'Book an open slot (held while the payment order is paid)',
      description:
        "The fee is the clinician's; a `consultationFee` that differs is refused. The slot is held for BOOKING_HOLD_MINUTES; a zero fee confirms at once. `amount` is in rupees.",
      access: patientOnly,
      rateLimit: 'general',
      body: PatientBookingBody,
      responses: [
        {
          status: 201,
          description: 'Booked',
          data: v.object({
            appointmentId: v.number(),
            paymentOrderId: v.nullable(v.string()),
            amount: v.number(),
          }),
        },
        ...errors,
        ...slotErrors,
      ],
      handle: async ({ body, actor }) => {
        const appointment = await h.book.execute(body, actor);
        return {
          status: 201,
          message: 'Appointment created successfully',
          data: {
            appointmentId: appointment.id,
            paymentOrderId: appointment.paymentOrderId,
            amount: paiseToRupees(appointment.feePaise),
          },
        };
      },
    }),
    endpoint({
      method: 'POST',
      path: '/api/booking/:id/cancel',
      tag,
      summary: 'Cancel my appointment (until the cut-off before it starts)',
      access: patientOnly,
      rateLimit: 'general',
      params: AppointmentIdParams,
      body: CancelBody,
      responses: [messageOnly('Cancelled'), ...errors, ...authErrors(['INVALID_STATE_TRANSITION'])],
      handle: async ({ params, body, actor }) => {
        await h.cancel.byPatient({ id: params.id, reason: body.reason }, actor);
        return { message: 'Appointment cancelled successfully' };
      },
    }),
    endpoint({
      method: 'POST',
      path: '/api/booking/front-desk',
      tag,
      summary: 'Book for a patient by phone (registers a new patient as a walk-in)',
      description:
        "`patientName` is needed only for a phone not yet registered. A `consultationFee` different from the clinician's is a concession, recorded with who set it. The payment link is created after the booking; if the provider fails, the appointment stays PENDING with `paymentLink: null`.",
      access: { kind: 'staff', roles: ['FRONT_DESK', 'ADMIN', 'MANAGER'] },
      rateLimit: 'general',
      body: FrontDeskBookingBody,
      responses: [{ status: 201, description: 'Booked', data: StaffBookingData }, ...errors, ...slotErrors],
      handle: async ({ body, actor }) => {
        const { patientPhone, patientName, ...rest } = body;
        const booking = await h.bookForPatient.execute(
          { ...rest, patient: { phone: patientPhone, fullName: patientName } },
          actor,
        );
        return { status: 201, message: staffBookingMessage(booking), data: staffBookingView(booking) };
      },
    }),
  ];
}
