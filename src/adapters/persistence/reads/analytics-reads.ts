import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  AnalyticsReads,
  CentreScope,
  DashboardFigures,
  RevenueRow,
  TopDoctor,
  ZoneWindows,
} from '../../../application/analytics/ports/analytics-reads.js';
import type { Page } from '../../../application/shared/page.js';
import type { RevenueWindow } from '../../../domain/analytics/revenue-window.js';
import type { LeadSource } from '../../../domain/identity/patient.js';
import { centreFilter, moneyEventsSql } from './analytics-money.js';
import { topDoctorsOf } from './analytics-top-doctors.js';

type Row = Record<string, string | number | null>;

/** Every figure is one SQL statement; "there" is the appointment's, payment's or primary centre. */
export class SqlAnalyticsReads implements AnalyticsReads {
  constructor(private readonly em: EntityManager) {}

  private run(sql: string, params: unknown[]): Promise<Row[]> {
    return this.em.getConnection().execute(sql, params);
  }

  async zonesOf(scope: CentreScope): Promise<string[]> {
    const centre = centreFilter('id', scope);
    const rows = await this.run(`select distinct timezone from centres where ${centre.sql}`, centre.params);
    return rows.map((row) => String(row.timezone));
  }

  async dashboard(scope: CentreScope, windows: ZoneWindows[]): Promise<DashboardFigures> {
    const appointment = centreFilter('a.centre_id', scope);
    const payment = centreFilter('p.centre_id', scope);
    const primary = centreFilter('k.primary_centre_id', scope);
    const patients =
      scope === null
        ? { sql: 'select count(*) from patients', params: [] }
        : {
            sql: 'select count(distinct a.patient_id) from appointments a where a.centre_id = ?',
            params: [scope],
          };
    const zoneRows = JSON.stringify(
      windows.map((w) => ({
        zone: w.zone,
        today: w.today.toString(),
        week_from: w.week.from.toString(),
        week_to: w.week.to.toString(),
        month_from: w.month.from.toString(),
        month_to: w.month.to.toString(),
      })),
    );
    // Every window lies within [earliest from - 1 day, latest to + 2 days) in any zone: that range
    // keeps the start_at index usable, the local date then decides exactly.
    const froms = windows.flatMap((w) => [w.week.from.toString(), w.month.from.toString()]).sort();
    const tos = windows.flatMap((w) => [w.week.to.toString(), w.month.to.toString()]).sort();
    const [row] = await this.run(
      `with w as (select * from jsonb_to_recordset(?::jsonb)
          as w(zone text, today date, week_from date, week_to date, month_from date, month_to date)),
       counted as (
         select (a.start_at at time zone c.timezone)::date as day, w.*
           from appointments a join centres c on c.id = a.centre_id join w on w.zone = c.timezone
          where a.status <> 'CANCELLED' and ${appointment.sql}
            and a.start_at >= (?::date - 1)::timestamptz and a.start_at < (?::date + 2)::timestamptz)
       select (${patients.sql}) as total_patients,
         (select count(*) from clinicians k where k.is_active and k.deleted_at is null and ${primary.sql}) as total_doctors,
         (select count(*) from appointments a
           where a.status <> 'CANCELLED' and ${appointment.sql}
             and exists (select 1 from appointments e where e.patient_id = a.patient_id
                          and e.clinician_id = a.clinician_id and e.status = 'COMPLETED' and e.start_at < a.start_at)
         ) as total_follow_ups,
         (select coalesce(sum(m.paise), 0) from (${moneyEventsSql(payment.sql)}) m) as total_revenue,
         (select count(*) from counted where day = today) as today,
         (select count(*) from counted where day between week_from and week_to) as this_week,
         (select count(*) from counted where day between month_from and month_to) as this_month`,
      [
        zoneRows,
        ...appointment.params,
        froms[0] ?? '1970-01-01',
        tos[tos.length - 1] ?? '1970-01-01',
        ...patients.params,
        ...primary.params,
        ...appointment.params,
        ...payment.params,
        ...payment.params,
      ],
    );
    return {
      totalPatients: Number(row!.total_patients),
      totalDoctors: Number(row!.total_doctors),
      totalFollowUps: Number(row!.total_follow_ups),
      totalRevenuePaise: Number(row!.total_revenue),
      appointmentsToday: Number(row!.today),
      appointmentsThisWeek: Number(row!.this_week),
      appointmentsThisMonth: Number(row!.this_month),
    };
  }

  topDoctors(scope: CentreScope, page: number, limit: number): Promise<Page<TopDoctor>> {
    return topDoctorsOf((sql, params) => this.run(sql, params), scope, page, limit);
  }

  async revenue(scope: CentreScope, window: RevenueWindow): Promise<RevenueRow[]> {
    const payment = centreFilter('p.centre_id', scope);
    const format = window.bucket === 'day' ? 'YYYY-MM-DD' : 'YYYY-MM';
    const rows = await this.run(
      `select to_char(m.day, '${format}') as label, sum(m.paise) as paise
         from (${moneyEventsSql(payment.sql)}) m
        where m.day between ?::date and ?::date
        group by 1 order by 1`,
      [...payment.params, ...payment.params, window.from.toString(), window.to.toString()],
    );
    return rows.map((row) => ({ label: String(row.label), paise: Number(row.paise) }));
  }

  async leadsBySource(scope: CentreScope): Promise<Array<{ source: LeadSource; count: number }>> {
    const rows =
      scope === null
        ? await this.run('select source, count(*) as n from patients group by source', [])
        : await this.run(
            `select p.source, count(*) as n from patients p
              where exists (select 1 from appointments a where a.patient_id = p.id and a.centre_id = ?)
              group by p.source`,
            [scope],
          );
    return rows.map((row) => ({ source: row.source as LeadSource, count: Number(row.n) }));
  }
}
