import type { Appointment } from '../../../domain/booking/appointment.js';

export interface AppointmentRepository {
  findById(id: number): Promise<Appointment | null>;
  /**
   * Loads the appointment to change it, its row locked until the unit of work ends, so a change queues
   * behind a payment capture instead of interleaving with it. Lock order, as in billing: the appointment
   * row first, then its payment row.
   */
  findByIdForUpdate(id: number): Promise<Appointment | null>;
  /** Saves a new appointment at once (it gets its id); an overlap fails the unit of work as SLOT_UNAVAILABLE. */
  add(appointment: Appointment): Promise<void>;
  /**
   * Times out the PENDING appointments of this clinician or this patient that overlap [startAt, endAt)
   * and whose hold has expired by `now`, inside the caller's unit of work: an expired hold still sits in
   * the database's overlap constraint until it is cancelled. Returns those it released (their events
   * still to be recorded by the caller).
   */
  releaseExpiredHolds(
    clinicianId: number,
    patientId: number,
    startAt: Date,
    endAt: Date,
    now: Date,
  ): Promise<Appointment[]>;
}
