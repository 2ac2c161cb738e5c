import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClinicalRelationships } from '../../../application/clinical-records/ports/clinical-relationships.js';

/** Who treats whom, read from appointments and clinicians in one statement each. */
export class SqlClinicalRelationships implements ClinicalRelationships {
  constructor(private readonly em: EntityManager) {}

  async isPatientsClinician(userId: number, patientId: number): Promise<boolean> {
    const rows: unknown[] = await this.em.execute(
      `select 1 from appointments a join clinicians k on k.id = a.clinician_id
        where k.user_id = ? and a.patient_id = ? and a.status <> 'CANCELLED' limit 1`,
      [userId, patientId],
    );
    return rows.length > 0;
  }

  async clinicianIdOf(userId: number): Promise<number | null> {
    const rows: Array<{ id: number }> = await this.em.execute('select id from clinicians where user_id = ?', [
      userId,
    ]);
    return rows[0]?.id ?? null;
  }

  async partiesOf(appointmentId: number): Promise<{ patientId: number; clinicianUserId: number } | null> {
    const rows: Array<{ patient_id: number; user_id: number }> = await this.em.execute(
      `select a.patient_id, k.user_id from appointments a join clinicians k on k.id = a.clinician_id
        where a.id = ?`,
      [appointmentId],
    );
    const row = rows[0];
    return row ? { patientId: row.patient_id, clinicianUserId: row.user_id } : null;
  }
}
