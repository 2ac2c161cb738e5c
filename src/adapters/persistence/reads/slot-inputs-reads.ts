import type { EntityManager } from '@mikro-orm/postgresql';
import {
  reachOfDate,
  type SlotInputs,
  type SlotInputsReads,
} from '../../../application/scheduling/ports/slot-inputs.js';
import type { StoredException, StoredRule } from '../../../domain/scheduling/clinician.js';
import type { LocalDate } from '../../../domain/scheduling/local-date.js';
import { TAKEN_TIME_CONDITION } from './taken-time-reads.js';

interface Row {
  clinician: {
    id: number;
    bookable: boolean;
    primary_centre_id: number;
    consultation_minutes: number;
    availability_rules: StoredRule[];
    exceptions: StoredException[];
  } | null;
  centre: { id: number; timezone: string; deleted: boolean; accepts_bookings: boolean } | null;
  taken: Array<{ s: string; e: string; h: string | null }>;
}

/** One statement: the clinician, the centre and the taken time of the day, holds with their expiry. */
export class SqlSlotInputs implements SlotInputsReads {
  constructor(private readonly em: EntityManager) {}

  async load(
    clinicianId: number,
    centreId: number | undefined,
    date: LocalDate,
    now: Date,
  ): Promise<SlotInputs> {
    const { from, to } = reachOfDate(date);
    const rows: Row[] = await this.em.execute(
      `with c as (
         select id, is_active and deleted_at is null as bookable, primary_centre_id, consultation_minutes,
                availability_rules, exceptions
           from clinicians where id = ?),
       ce as (
         select id, timezone, deleted_at is not null as deleted, is_active and deleted_at is null as accepts_bookings
           from centres where id = coalesce(?::integer, (select primary_centre_id from c)))
       select (select row_to_json(c) from c) as clinician,
              (select row_to_json(ce) from ce) as centre,
              (select coalesce(json_agg(json_build_object('s', a.start_at, 'e', a.end_at,
                        'h', case when a.status = 'PENDING' then a.hold_expires_at end)), '[]'::json)
                 from appointments a
                where a.clinician_id = ? and ${TAKEN_TIME_CONDITION}) as taken`,
      [clinicianId, centreId ?? null, clinicianId, to, from, from, now],
    );
    const row = rows[0]!;
    const c = row.clinician;
    return {
      clinician: c && {
        id: c.id,
        bookable: c.bookable,
        primaryCentreId: c.primary_centre_id,
        consultationMinutes: c.consultation_minutes,
        availabilityRules: c.availability_rules,
        exceptions: c.exceptions,
      },
      centre: row.centre && {
        id: row.centre.id,
        timezone: row.centre.timezone,
        deleted: row.centre.deleted,
        acceptsBookings: row.centre.accepts_bookings,
      },
      taken: row.taken.map((t) => ({
        start: new Date(t.s),
        end: new Date(t.e),
        heldUntil: t.h === null ? null : new Date(t.h),
      })),
    };
  }
}
