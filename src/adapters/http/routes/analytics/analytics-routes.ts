import type { AnalyticsQueries } from '../../../../application/analytics/queries/analytics-queries.js';
import { paiseToRupees } from '../../../../domain/shared/money.js';
import { endpoint, type Endpoint } from '../../endpoint.js';
import { authErrors } from '../common-responses.js';
import {
  CentreQuery,
  DashboardData,
  LeadsData,
  RevenueData,
  RevenueQuery,
  TopDoctorsData,
  TopDoctorsQuery,
} from './analytics-schemas.js';

const tag = 'Analytics';
const access = { kind: 'staff', roles: ['ADMIN', 'MANAGER', 'CENTRE_MANAGER'] } as const;
const errors = authErrors([
  'VALIDATION_ERROR',
  'UNAUTHORIZED',
  'INVALID_TOKEN',
  'TOKEN_EXPIRED',
  'FORBIDDEN',
]);
const scope =
  "A CENTRE_MANAGER always sees their own centre, whatever `centreId` says. Each record is counted in its centre's time zone.";

/** The management dashboard: reads only, every figure computed in SQL. Amounts in rupees. */
export function analyticsRoutes(q: AnalyticsQueries): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/analytics/dashboard',
      tag,
      summary: 'Headline figures',
      description: `totalPatients: distinct patients with an appointment at the centre (every patient without centreId); totalDoctors: active clinicians based there; totalFollowUps: non-cancelled appointments whose patient had an earlier COMPLETED one with the same clinician; totalRevenue: captured payments minus refunds; appointmentsToday/ThisWeek (Monday–Sunday)/ThisMonth: non-cancelled appointments starting then. ${scope}`,
      access,
      rateLimit: 'general',
      query: CentreQuery,
      responses: [{ status: 200, description: 'The figures', data: DashboardData }, ...errors],
      handle: async ({ query, actor }) => {
        const { totalRevenuePaise, ...figures } = await q.dashboard(query.centreId, actor);
        return { data: { ...figures, totalRevenue: paiseToRupees(totalRevenuePaise) } };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/analytics/top-doctors',
      tag,
      summary: 'Clinicians ranked by appointments',
      description: `By non-cancelled appointments, then revenue (captured minus refunds); averageRating from patients' ratings, null where none. ${scope}`,
      access,
      rateLimit: 'general',
      query: TopDoctorsQuery,
      responses: [{ status: 200, description: 'Ranked, with `meta`', data: TopDoctorsData }, ...errors],
      handle: async ({ query, actor }) => {
        const { items, total } = await q.topDoctors(query, actor);
        return {
          data: items.map(({ revenuePaise, ...doctor }) => ({
            ...doctor,
            totalRevenue: paiseToRupees(revenuePaise),
          })),
          meta: { page: query.page, limit: query.limit, total },
        };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/analytics/revenue',
      tag,
      summary: 'Revenue over a period',
      description: `Captured payments minus refunds in the window ending today: day (one row), week (last 7 days by day), month (this month by day), year (this year by month, dates YYYY-MM). startDate/endDate replace either end. ${scope}`,
      access,
      rateLimit: 'general',
      query: RevenueQuery,
      responses: [{ status: 200, description: 'Revenue rows', data: RevenueData }, ...errors],
      handle: async ({ query, actor }) => {
        const report = await q.revenue(query, actor);
        return {
          data: {
            period: report.period,
            totalRevenue: paiseToRupees(report.totalRevenuePaise),
            revenueByDate: report.rows.map((row) => ({ date: row.label, revenue: paiseToRupees(row.paise) })),
          },
        };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/analytics/leads-by-source',
      tag,
      summary: 'Patients by how they came to the clinic',
      description: `Sources with at least one patient (of the centre: patients with an appointment there), most first; whole percentages adding up to 100. ${scope}`,
      access,
      rateLimit: 'general',
      query: CentreQuery,
      responses: [{ status: 200, description: 'Sources', data: LeadsData }, ...errors],
      handle: async ({ query, actor }) => ({ data: await q.leadsBySource(query.centreId, actor) }),
    }),
  ];
}
