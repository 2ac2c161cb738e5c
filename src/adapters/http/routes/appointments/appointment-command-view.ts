import * as v from 'valibot';
import type { StaffBooking } from '../../../../application/booking/commands/book-for-patient.js';
import type { Appointment } from '../../../../domain/booking/appointment.js';
import { wallClockOf } from '../../../../domain/scheduling/time-zone.js';
import { paiseToRupees } from '../../../../domain/shared/money.js';

/** The spec's wall-clock fields: `YYYY-MM-DD` and `HH:MM:SS` in the centre's zone. */
function wallTime(a: Appointment, zone: string) {
  const { date, time } = wallClockOf(a.startAt, zone);
  return { appointmentDate: date.toString(), appointmentTime: time.toString() };
}

export function appointmentView(a: Appointment, zone: string) {
  return {
    id: a.id,
    patientId: a.patientId,
    clinicianId: a.clinicianId,
    centreId: a.centreId,
    ...wallTime(a, zone),
    sessionType: a.sessionType,
    status: a.status,
    consultationFee: paiseToRupees(a.feePaise),
    paymentStatus: a.paymentStatus,
    paymentLink: a.paymentLinkUrl,
    notes: a.notes,
    cancellationReason: a.cancellationReason,
  };
}

export function staffBookingView({ appointment, timezone, paymentLink }: StaffBooking) {
  return {
    id: appointment.id,
    patientId: appointment.patientId,
    ...wallTime(appointment, timezone),
    status: appointment.status,
    consultationFee: paiseToRupees(appointment.feePaise),
    paymentStatus: appointment.paymentStatus,
    paymentLink,
  };
}

/** Tells staff when a fee is due but the provider could not make the link. */
export function staffBookingMessage({ appointment, paymentLink }: StaffBooking): string {
  if (appointment.status === 'PENDING' && paymentLink === null) {
    return 'Appointment created, but the payment link could not be created; create one from payments';
  }
  return 'Appointment created successfully';
}

export const AppointmentData = v.object({
  id: v.number(),
  patientId: v.number(),
  clinicianId: v.number(),
  centreId: v.number(),
  appointmentDate: v.string(),
  appointmentTime: v.string(),
  sessionType: v.string(),
  status: v.string(),
  consultationFee: v.number(),
  paymentStatus: v.string(),
  paymentLink: v.nullable(v.string()),
  notes: v.nullable(v.string()),
  cancellationReason: v.nullable(v.string()),
});

export const StaffBookingData = v.object({
  id: v.number(),
  patientId: v.number(),
  appointmentDate: v.string(),
  appointmentTime: v.string(),
  status: v.string(),
  consultationFee: v.number(),
  paymentStatus: v.string(),
  paymentLink: v.nullable(v.string()),
});
