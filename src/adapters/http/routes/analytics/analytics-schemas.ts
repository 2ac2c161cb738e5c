import * as v from 'valibot';
import { REVENUE_PERIODS } from '../../../../domain/analytics/revenue-window.js';
import { idParam, localDate, pagination } from '../../schemas/common.js';

const centreId = v.optional(idParam);

export const CentreQuery = v.strictObject({ centreId });
export const TopDoctorsQuery = v.strictObject({ centreId, ...pagination });
export const RevenueQuery = v.strictObject({
  period: v.optional(v.picklist(REVENUE_PERIODS, `Must be one of ${REVENUE_PERIODS.join(', ')}`), 'month'),
  centreId,
  startDate: v.optional(localDate),
  endDate: v.optional(localDate),
});

export const DashboardData = v.object({
  totalPatients: v.number(),
  totalDoctors: v.number(),
  totalFollowUps: v.number(),
  totalRevenue: v.number(),
  appointmentsToday: v.number(),
  appointmentsThisWeek: v.number(),
  appointmentsThisMonth: v.number(),
});
export const TopDoctorsData = v.array(
  v.object({
    clinicianId: v.number(),
    clinicianName: v.string(),
    totalAppointments: v.number(),
    totalRevenue: v.number(),
    averageRating: v.nullable(v.number()),
  }),
);
export const RevenueData = v.object({
  period: v.picklist(REVENUE_PERIODS),
  totalRevenue: v.number(),
  revenueByDate: v.array(v.object({ date: v.string(), revenue: v.number() })),
});
export const LeadsData = v.array(v.object({ source: v.string(), count: v.number(), percentage: v.number() }));
