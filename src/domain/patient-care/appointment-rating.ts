import type { AppointmentStatus } from '../booking/appointment-status.js';
import { DomainError, InvalidValueError } from '../shared/domain-error.js';

export const RATING_MIN = 1;
export const RATING_MAX = 5;
export const RATING_COMMENT_MAX = 1000;

/** What the rating rule needs to know of the appointment being rated. */
export interface RatedAppointment {
  id: number;
  patientId: number;
  clinicianId: number;
  status: AppointmentStatus;
}

/** A patient's rating of one finished session; there is at most one per appointment. */
export interface AppointmentRating {
  appointmentId: number;
  patientId: number;
  clinicianId: number;
  rating: number;
  comment: string | null;
  createdAt: Date;
}

/**
 * A patient rates a session they attended: only a COMPLETED appointment (one not held yet, cancelled
 * or missed has nothing to rate). Ownership and "only once" are checked by the caller and the
 * database's unique key; this is the rule about the session and the values.
 */
export function rateAppointment(
  appointment: RatedAppointment,
  input: { rating: number; comment?: string | null | undefined },
  now: Date,
): AppointmentRating {
  if (!Number.isInteger(input.rating) || input.rating < RATING_MIN || input.rating > RATING_MAX)
    throw new InvalidValueError('rating', `Must be a whole number from ${RATING_MIN} to ${RATING_MAX}`);
  const comment = input.comment?.trim() || null;
  if (comment !== null && comment.length > RATING_COMMENT_MAX)
    throw new InvalidValueError('comment', `Must be at most ${RATING_COMMENT_MAX} characters`);
  if (appointment.status !== 'COMPLETED')
    throw new DomainError('INVALID_STATE_TRANSITION', 'Only a completed appointment can be rated', {
      status: appointment.status,
    });
  return {
    appointmentId: appointment.id,
    patientId: appointment.patientId,
    clinicianId: appointment.clinicianId,
    rating: input.rating,
    comment,
    createdAt: now,
  };
}
