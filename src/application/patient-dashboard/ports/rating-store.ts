import type { AppointmentRating, RatedAppointment } from '../../../domain/patient-care/appointment-rating.js';

/** Ratings, and what the rating rule reads of an appointment (by id: booking keeps the aggregate). */
export interface RatingStore {
  appointment(id: number): Promise<RatedAppointment | null>;
  hasRating(appointmentId: number): Promise<boolean>;
  /** Inside the caller's unit of work; a second rating of one appointment fails on the unique key. */
  add(rating: AppointmentRating): Promise<number>;
}
