import type { EntityManager } from '@mikro-orm/postgresql';
import type { AgendaBucket, ClinicianAgenda } from '../../../application/booking/ports/appointment-reads.js';
import type { AppointmentStatus, SessionType } from '../../../domain/booking/appointment-status.js';
import { wallClock } from './wall-clock.js';

interface Row {
  bucket: AgendaBucket;
  total: string;
  id: number | null;
  patient_name: string | null;
  timezone: string;
  start_at: Date | string;
  session_type: SessionType;
  status: AppointmentStatus;
  meet_link: string | null;
}

/**
 * One statement for all three buckets. Every bucket yields at least one row (its total, with null
 * columns when its page is empty), so an empty or exhausted bucket still reports how many it holds.
 * Cancelled appointments and unpaid holds that ran out no longer take the clinician's time: they
 * show only once over, in the past.
 */
const AGENDA_SQL = `
  with mine as (
    select a.id, p.full_name as patient_name, c.timezone, a.start_at, a.session_type, a.status, vm.meet_link,
           case when a.end_at <= ? then 'past' when a.start_at <= ? then 'current' else 'upcoming' end as bucket,
           a.status = 'CANCELLED' or (a.status = 'PENDING' and a.hold_expires_at <= ?) as lapsed
      from appointments a
      join centres c on c.id = a.centre_id
      left join patients p on p.id = a.patient_id
      left join video_meetings vm on vm.appointment_id = a.id
     where a.clinician_id in (select id from clinicians where user_id = ?)
  ), visible as (
    select *, row_number() over (
             partition by bucket order by case when bucket = 'past' then start_at end desc, start_at, id
           ) as rn
      from mine where bucket = 'past' or not lapsed
  )
  select b.bucket, (select count(*) from visible t where t.bucket = b.bucket) as total,
         v.id, v.patient_name, v.timezone, v.start_at, v.session_type, v.status, v.meet_link
    from (values ('current'), ('upcoming'), ('past')) as b (bucket)
    left join visible v on v.bucket = b.bucket and v.rn > ? and v.rn <= ?
   order by b.bucket, v.rn`;

export async function agendaOf(
  em: EntityManager,
  userId: number,
  now: Date,
  page: number,
  limit: number,
): Promise<ClinicianAgenda> {
  const offset = (page - 1) * limit;
  const rows: Row[] = await em
    .getConnection()
    .execute(AGENDA_SQL, [now, now, now, userId, offset, offset + limit]);
  const agenda: ClinicianAgenda = {
    current: { items: [], total: 0 },
    upcoming: { items: [], total: 0 },
    past: { items: [], total: 0 },
  };
  for (const row of rows) {
    const bucket = agenda[row.bucket];
    bucket.total = Number(row.total);
    if (row.id === null) continue;
    bucket.items.push({
      id: row.id,
      patientName: row.patient_name,
      ...wallClock(row.start_at, row.timezone),
      sessionType: row.session_type,
      status: row.status,
      meetLink: row.meet_link,
    });
  }
  return agenda;
}
