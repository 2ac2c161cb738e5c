import { createHash } from 'node:crypto';
import * as v from 'valibot';
import type { CreateOrderHandler } from '../../../../application/billing/commands/create-order.js';
import type { CreatePaymentLinkHandler } from '../../../../application/billing/commands/create-payment-link.js';
import type { HandleWebhookHandler } from '../../../../application/billing/commands/handle-webhook.js';
import type { VerifyCheckoutHandler } from '../../../../application/billing/commands/verify-checkout.js';
import { paiseToRupees } from '../../../../domain/shared/money.js';
import { endpoint, publicAccess, type Endpoint } from '../../endpoint.js';
import { authErrors, messageOnly } from '../common-responses.js';
import { CreateLinkBody, CreateOrderBody, VerifyCheckoutBody } from './payment-schemas.js';

export interface PaymentCommandHandlers {
  createOrder: CreateOrderHandler;
  verifyCheckout: VerifyCheckoutHandler;
  createLink: CreatePaymentLinkHandler;
  webhook: HandleWebhookHandler;
}

const tag = 'Payments';
/** CONTRACT.md, "Who may call what": patients their own, and these staff roles. */
export const payers = {
  kind: 'staff-or-patient',
  roles: ['ADMIN', 'MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'],
} as const;
const errors = authErrors(['VALIDATION_ERROR', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);

export function paymentCommandRoutes(h: PaymentCommandHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'POST',
      path: '/api/payments/create-order',
      tag,
      summary: "Open (or reopen) the checkout order for an appointment's fee",
      description:
        '`amount` is in rupees and must be the fee due. An appointment with an open order gets that order back.',
      access: payers,
      rateLimit: 'general',
      body: CreateOrderBody,
      responses: [
        {
          status: 200,
          description: 'The order',
          data: v.object({
            orderId: v.string(),
            amount: v.number(),
            currency: v.string(),
            razorpayKeyId: v.string(),
          }),
        },
        ...errors,
        ...authErrors(['INVALID_STATE_TRANSITION', 'GATEWAY_UNAVAILABLE']),
      ],
      handle: async ({ body, actor }) => {
        const order = await h.createOrder.execute(body, actor);
        return {
          data: {
            orderId: order.orderId,
            amount: paiseToRupees(order.amountPaise),
            currency: 'INR',
            razorpayKeyId: order.keyId,
          },
        };
      },
    }),
    endpoint({
      method: 'POST',
      path: '/api/payments/verify',
      tag,
      summary: "Verify the checkout's payment signature; a good one confirms the appointment",
      access: payers,
      rateLimit: 'general',
      body: VerifyCheckoutBody,
      responses: [
        {
          status: 200,
          description: 'Verified',
          data: v.object({ paymentId: v.string(), status: v.string() }),
        },
        ...errors,
        ...authErrors(['PAYMENT_FAILED']),
      ],
      handle: async ({ body, actor }) => ({
        message: 'Payment verified successfully',
        data: await h.verifyCheckout.execute(body, actor),
      }),
    }),
    endpoint({
      method: 'POST',
      path: '/api/payments/webhook',
      tag,
      summary: "Razorpay's webhook (verified by X-Razorpay-Signature over the raw body)",
      description:
        'Handles payment.captured, payment.failed, order.paid, payment_link.paid, payment_link.expired and refund.processed; each `x-razorpay-event-id` once.',
      access: publicAccess,
      rateLimit: 'none',
      responses: [messageOnly('Received'), ...authErrors(['INVALID_SIGNATURE', 'VALIDATION_ERROR'])],
      handle: async ({ koa }) => {
        const rawBody = (koa.request as { rawBody?: string }).rawBody ?? '';
        await h.webhook.execute({
          rawBody,
          signature: koa.get('X-Razorpay-Signature'),
          // Deliveries without an event id are told apart by their exact bytes.
          eventId: koa.get('X-Razorpay-Event-Id') || createHash('sha256').update(rawBody).digest('hex'),
        });
        return { message: 'Webhook received' };
      },
    }),
    endpoint({
      method: 'POST',
      path: '/api/payments/create-link',
      tag,
      summary: 'Create a payment link for an appointment and send it to the patient on WhatsApp',
      access: { kind: 'staff', roles: ['ADMIN', 'MANAGER', 'FRONT_DESK', 'CARE_COORDINATOR'] },
      rateLimit: 'general',
      body: CreateLinkBody,
      responses: [
        {
          status: 200,
          description: 'Created and sent',
          data: v.object({ paymentLinkId: v.string(), shortUrl: v.string(), expiresAt: v.string() }),
        },
        ...errors,
        ...authErrors(['INVALID_STATE_TRANSITION', 'GATEWAY_UNAVAILABLE']),
      ],
      handle: async ({ body, actor }) => {
        const link = await h.createLink.execute(body, actor);
        return {
          message: 'Payment link created and sent via WhatsApp',
          data: {
            paymentLinkId: link.paymentLinkId,
            shortUrl: link.shortUrl,
            expiresAt: link.expiresAt.toISOString(),
          },
        };
      },
    }),
  ];
}
