import type { EntityManager } from '@mikro-orm/postgresql';
import type { RatingStore } from '../../../application/patient-dashboard/ports/rating-store.js';
import type { AppointmentStatus } from '../../../domain/booking/appointment-status.js';
import type { AppointmentRating, RatedAppointment } from '../../../domain/patient-care/appointment-rating.js';

/**
 * `appointment_ratings` in SQL, inside the caller's transaction (em.execute joins it). The unique key
 * on appointment_id turns a racing second rating into a unique violation, which the unit of work
 * answers as DUPLICATE_ENTRY.
 */
export class SqlRatingStore implements RatingStore {
  constructor(private readonly em: EntityManager) {}

  async appointment(id: number): Promise<RatedAppointment | null> {
    const rows: Array<{ id: number; patient_id: number; clinician_id: number; status: AppointmentStatus }> =
      await this.em.execute('select id, patient_id, clinician_id, status from appointments where id = ?', [
        id,
      ]);
    const row = rows[0];
    return row
      ? { id: row.id, patientId: row.patient_id, clinicianId: row.clinician_id, status: row.status }
      : null;
  }

  async hasRating(appointmentId: number): Promise<boolean> {
    const rows: unknown[] = await this.em.execute(
      'select 1 from appointment_ratings where appointment_id = ?',
      [appointmentId],
    );
    return rows.length > 0;
  }

  async add(rating: AppointmentRating): Promise<number> {
    const rows: Array<{ id: number }> = await this.em.execute(
      `insert into appointment_ratings (appointment_id, patient_id, clinician_id, rating, comment, created_at)
       values (?, ?, ?, ?, ?, ?) returning id`,
      [
        rating.appointmentId,
        rating.patientId,
        rating.clinicianId,
        rating.rating,
        rating.comment,
        rating.createdAt,
      ],
    );
    return rows[0]!.id;
  }
}
