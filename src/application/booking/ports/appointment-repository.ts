import type { Appointment } from '../../../domain/booking/appointment.js';

export interface AppointmentRepository {
  findById(id: number): Promise<Appointment | null>;
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
