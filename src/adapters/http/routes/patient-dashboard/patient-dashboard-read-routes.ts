import * as v from 'valibot';
import type { PaymentHistoryHandler } from '../../../../application/billing/queries/payment-history.js';
import type { ListMyBookingsHandler } from '../../../../application/booking/queries/list-my-bookings.js';
import type { PatientDashboardQueries } from '../../../../application/patient-dashboard/queries/patient-dashboard-queries.js';
import { paiseToRupees } from '../../../../domain/shared/money.js';
import { endpoint, patientOnly, type Endpoint } from '../../endpoint.js';
import { pagination } from '../../schemas/common.js';
import { bookingListItem, BookingItemData } from '../booking/booking-read-views.js';
import { authErrors } from '../common-responses.js';
import { MyPaymentsData, OverviewData, ProfileData } from './patient-dashboard-schemas.js';

export interface PatientDashboardReadHandlers {
  queries: PatientDashboardQueries;
  appointments: ListMyBookingsHandler;
  payments: PaymentHistoryHandler;
}

export const tag = 'Patient Dashboard';
export const patientDenied = authErrors(['UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN']);
const PageQuery = v.strictObject({ ...pagination });

/** The calling patient's own figures and lists; a staff token is a 403 (CONTRACT.md). */
export function patientDashboardReadRoutes(h: PatientDashboardReadHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/patient/dashboard',
      tag,
      summary: 'My overview: coming sessions, recent payments, totals',
      description:
        'Up to 5 coming sessions (confirmed, or held while payment is under way) and 5 latest payments; `totalAppointments` counts those not cancelled; `totalSpent` is captured payments minus refunds, in rupees.',
      access: patientOnly,
      rateLimit: 'general',
      responses: [{ status: 200, description: 'The overview', data: OverviewData }, ...patientDenied],
      handle: async ({ actor }) => {
        const o = await h.queries.overview(actor);
        return {
          data: {
            upcomingAppointments: o.upcomingAppointments,
            recentPayments: o.recentPayments.map((p) => ({
              appointmentId: p.appointmentId,
              amount: paiseToRupees(p.amountPaise),
              status: p.status,
              paidAt: p.paidAt.toISOString(),
            })),
            totalAppointments: o.totalAppointments,
            totalSpent: paiseToRupees(o.totalSpentPaise),
          },
        };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/patient/appointments',
      tag,
      summary: 'My appointments',
      description: "By start; dates and times are wall-clock times at each appointment's centre.",
      access: patientOnly,
      rateLimit: 'general',
      query: PageQuery,
      responses: [
        { status: 200, description: 'Appointments, with `meta`', data: v.array(BookingItemData) },
        ...authErrors(['VALIDATION_ERROR']),
        ...patientDenied,
      ],
      handle: async ({ query, actor }) => {
        const { items, total } = await h.appointments.execute(query, actor);
        return { data: items.map(bookingListItem), meta: { page: query.page, limit: query.limit, total } };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/patient/payments',
      tag,
      summary: 'My payments',
      description: 'Newest first; every appointment with a fee, paid or not.',
      access: patientOnly,
      rateLimit: 'general',
      query: PageQuery,
      responses: [
        { status: 200, description: 'Payments, with `meta`', data: MyPaymentsData },
        ...authErrors(['VALIDATION_ERROR']),
        ...patientDenied,
      ],
      handle: async ({ query, actor }) => {
        const { items, total } = await h.payments.execute(query, actor);
        return {
          data: items.map((p) => ({
            appointmentId: p.appointmentId,
            clinicianName: p.clinicianName,
            amount: paiseToRupees(p.amountPaise),
            status: p.status,
            paymentMethod: p.method,
            paidAt: p.paidAt?.toISOString() ?? null,
          })),
          meta: { page: query.page, limit: query.limit, total },
        };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/patient/profile',
      tag,
      summary: 'My profile',
      access: patientOnly,
      rateLimit: 'general',
      responses: [{ status: 200, description: 'The profile', data: ProfileData }, ...patientDenied],
      handle: async ({ actor }) => ({ data: await h.queries.profile(actor) }),
    }),
  ];
}
