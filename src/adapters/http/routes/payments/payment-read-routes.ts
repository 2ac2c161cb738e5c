import * as v from 'valibot';
import type { VerifyPaymentLinkHandler } from '../../../../application/billing/commands/verify-payment-link.js';
import type { GetPaymentHandler } from '../../../../application/billing/queries/get-payment.js';
import type { PaymentHistoryHandler } from '../../../../application/billing/queries/payment-history.js';
import { paiseToRupees } from '../../../../domain/shared/money.js';
import { endpoint, publicAccess, type Endpoint } from '../../endpoint.js';
import { actorFor, type Authenticate } from '../../middleware/authenticate.js';
import { authErrors } from '../common-responses.js';
import { payers } from './payment-command-routes.js';
import { AppointmentIdParams, HistoryQuery, LinkCallbackQuery, LinkIdParams } from './payment-schemas.js';
import {
  PaymentDetailsData,
  paymentDetailsView,
  PaymentHistoryData,
  paymentHistoryView,
} from './payment-views.js';

export interface PaymentReadHandlers {
  details: GetPaymentHandler;
  history: PaymentHistoryHandler;
  verifyLink: VerifyPaymentLinkHandler;
  authenticate: Authenticate;
}

const tag = 'Payments';
const errors = authErrors(['VALIDATION_ERROR', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);

export function paymentReadRoutes(h: PaymentReadHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/payments/history',
      tag,
      summary: 'Payment history (a patient: their own; staff: filtered, within their centre)',
      access: payers,
      rateLimit: 'general',
      query: HistoryQuery,
      responses: [
        { status: 200, description: 'Newest first, with `meta`', data: PaymentHistoryData },
        ...errors,
      ],
      handle: async ({ query, actor }) => {
        const { items, total } = await h.history.execute(query, actor);
        return { data: items.map(paymentHistoryView), meta: { page: query.page, limit: query.limit, total } };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/payments/verify/:plinkId',
      tag,
      summary: "A payment link's status (asks the provider; accepts Razorpay's signed callback parameters)",
      description:
        'With `razorpay_payment_id`, `razorpay_payment_link_reference_id`, `razorpay_payment_link_status` and a valid `razorpay_signature`, no token is needed.',
      access: publicAccess,
      rateLimit: 'general',
      params: LinkIdParams,
      query: LinkCallbackQuery,
      responses: [
        {
          status: 200,
          description: 'The link',
          data: v.object({ paymentLinkId: v.string(), status: v.string(), amountPaid: v.number() }),
        },
        ...errors,
        ...authErrors(['PAYMENT_FAILED', 'GATEWAY_UNAVAILABLE']),
      ],
      handle: async ({ params, query, koa }) => {
        const callback = query.razorpay_signature
          ? {
              paymentId: query.razorpay_payment_id!,
              referenceId: query.razorpay_payment_link_reference_id!,
              status: query.razorpay_payment_link_status!,
              signature: query.razorpay_signature,
            }
          : null;
        // Without the signed parameters the caller needs the usual token (401/403 as for any route).
        const actor = callback ? null : await actorFor(payers, koa, h.authenticate);
        const result = await h.verifyLink.execute(params.plinkId, callback, actor);
        return {
          data: {
            paymentLinkId: result.paymentLinkId,
            status: result.status,
            amountPaid: paiseToRupees(result.amountPaidPaise),
          },
        };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/payments/:appointmentId',
      tag,
      summary: "An appointment's payment (by appointment id)",
      access: payers,
      rateLimit: 'general',
      params: AppointmentIdParams,
      responses: [{ status: 200, description: 'The payment', data: PaymentDetailsData }, ...errors],
      handle: async ({ params, actor }) => ({
        data: paymentDetailsView(await h.details.execute(params.appointmentId, actor)),
      }),
    }),
  ];
}
