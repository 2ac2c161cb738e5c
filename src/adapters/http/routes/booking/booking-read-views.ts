import type {
  AppointmentDetail,
  AppointmentSummary,
} from '../../../../application/booking/ports/appointment-reads.js';
import * as v from 'valibot';
import { appointmentCore, money } from '../appointments/appointment-read-views.js';
import { paiseToRupees } from '../../../../domain/shared/money.js';

/** What a patient sees of their own appointment: no internal ids, no other patient's details. */
export function bookingListItem(a: AppointmentSummary) {
  return {
    id: a.id,
    clinicianName: a.clinicianName,
    centreName: a.centreName,
    appointmentDate: a.appointmentDate,
    appointmentTime: a.appointmentTime,
    sessionType: a.sessionType,
    status: a.status,
    paymentStatus: a.paymentStatus,
    meetLink: a.meetLink,
  };
}

export function bookingDetail(a: AppointmentDetail) {
  return {
    ...bookingListItem(a),
    consultationFee: paiseToRupees(a.feePaise),
    paymentLink: a.paymentLink,
    // The hold matters only while the appointment waits for its payment.
    holdExpiresAt: a.status === 'PENDING' && a.holdExpiresAt !== null ? a.holdExpiresAt.toISOString() : null,
    cancellationReason: a.cancellationReason,
  };
}

export const BookingItemData = v.object({
  ...appointmentCore,
  clinicianName: v.string(),
  centreName: v.string(),
  paymentStatus: money.paymentStatus,
  meetLink: v.nullable(v.string()),
});
export const BookingDetailData = v.object({
  ...BookingItemData.entries,
  consultationFee: v.number(),
  paymentLink: v.nullable(v.string()),
  holdExpiresAt: v.nullable(v.string()),
  cancellationReason: v.nullable(v.string()),
});
