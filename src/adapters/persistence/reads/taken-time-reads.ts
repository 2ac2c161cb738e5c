import type { EntityManager } from '@mikro-orm/postgresql';
import type { TakenTime } from '../../../application/scheduling/ports/taken-time.js';

/**
 * Appointments occupying time in [from, to): confirmed or done ones, and pending ones whose hold is
 * live. Parameters: to, from (twice), now. No session lasts over 480 minutes, so `start_at` is bounded
 * on both sides and the (clinician_id, start_at) index reads only the day, not the whole history.
 */
export const TAKEN_TIME_CONDITION = `a.start_at < ? and a.start_at > ?::timestamptz - interval '480 minutes' and a.end_at > ?
  and (a.status in ('CONFIRMED', 'COMPLETED', 'NO_SHOW') or (a.status = 'PENDING' and a.hold_expires_at > ?))`;

export class SqlTakenTime implements TakenTime {
  constructor(private readonly em: EntityManager) {}

  async between(
    clinicianId: number,
    from: Date,
    to: Date,
    now: Date,
  ): Promise<Array<{ start: Date; end: Date }>> {
    // em.execute joins the caller's transaction (a booking rechecks its slot inside one).
    const rows: Array<{ start_at: Date; end_at: Date }> = await this.em.execute(
      `select a.start_at, a.end_at from appointments a where a.clinician_id = ? and ${TAKEN_TIME_CONDITION}`,
      [clinicianId, to, from, from, now],
    );
    return rows.map((row) => ({ start: new Date(row.start_at), end: new Date(row.end_at) }));
  }
}
