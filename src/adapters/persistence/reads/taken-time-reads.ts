import type { EntityManager } from '@mikro-orm/postgresql';
import type { TakenTime } from '../../../application/scheduling/ports/taken-time.js';

// `em.execute` joins the caller's transaction: booking reads taken time inside its unit of work, and
// a query on another connection would wait forever where the pool has one (PGlite).
export class SqlTakenTime implements TakenTime {
  constructor(private readonly em: EntityManager) {}

  async between(
    clinicianId: number,
    from: Date,
    to: Date,
    now: Date,
  ): Promise<Array<{ start: Date; end: Date }>> {
    const rows: Array<{ start_at: Date; end_at: Date }> = await this.em.execute(
      `select start_at, end_at from appointments
        where clinician_id = ? and start_at < ? and end_at > ?
          and (status in ('CONFIRMED', 'COMPLETED', 'NO_SHOW') or (status = 'PENDING' and hold_expires_at > ?))`,
      [clinicianId, to, from, now],
    );
    return rows.map((row) => ({ start: new Date(row.start_at), end: new Date(row.end_at) }));
  }
}
