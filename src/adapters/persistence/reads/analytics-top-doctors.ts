import type { CentreScope, TopDoctor } from '../../../application/analytics/ports/analytics-reads.js';
import type { Page } from '../../../application/shared/page.js';
import { centreFilter, moneyEventsSql } from './analytics-money.js';

type Run = (sql: string, params: unknown[]) => Promise<Array<Record<string, string | number | null>>>;

/**
 * Clinicians ranked by non-cancelled appointments, then revenue, then id. Listed: the active clinicians
 * based there and anyone with an appointment there. Appointments, revenue and ratings are those of
 * appointments at the centre in scope. One statement per page, the total included.
 */
export async function topDoctorsOf(
  run: Run,
  scope: CentreScope,
  page: number,
  limit: number,
): Promise<Page<TopDoctor>> {
  const appointment = centreFilter('a.centre_id', scope);
  const payment = centreFilter('p.centre_id', scope);
  const primary = centreFilter('k.primary_centre_id', scope);
  const rows = await run(
    `with appts as (
        select a.clinician_id, count(*) filter (where a.status <> 'CANCELLED') as n
          from appointments a where ${appointment.sql} group by a.clinician_id),
      money as (
        select a.clinician_id, sum(m.paise) as paise
          from (${moneyEventsSql(payment.sql)}) m join appointments a on a.id = m.appointment_id
         group by a.clinician_id),
      stars as (
        select r.clinician_id, round(avg(r.rating), 2) as average
          from appointment_ratings r join appointments a on a.id = r.appointment_id
         where ${appointment.sql} group by r.clinician_id),
      ranked as (
        select k.id, u.full_name, coalesce(appts.n, 0) as n, coalesce(money.paise, 0) as paise, stars.average
          from clinicians k join staff_users u on u.id = k.user_id
          left join appts on appts.clinician_id = k.id
          left join money on money.clinician_id = k.id
          left join stars on stars.clinician_id = k.id
         where (k.is_active and k.deleted_at is null and ${primary.sql}) or appts.clinician_id is not null)
     select counted.total, page.*
       from (select count(*) as total from ranked) counted
       left join (select * from ranked order by n desc, paise desc, id limit ? offset ?) page on true
      order by page.n desc, page.paise desc, page.id`,
    [
      ...appointment.params,
      ...payment.params,
      ...payment.params,
      ...appointment.params,
      ...primary.params,
      limit,
      (page - 1) * limit,
    ],
  );
  const items = rows
    .filter((row) => row.id !== null)
    .map((row) => ({
      clinicianId: Number(row.id),
      clinicianName: String(row.full_name ?? ''),
      totalAppointments: Number(row.n),
      revenuePaise: Number(row.paise),
      averageRating: row.average === null ? null : Number(row.average),
    }));
  return { items, total: Number(rows[0]?.total ?? 0) };
}
