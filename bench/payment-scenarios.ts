import { createHmac, randomUUID } from 'node:crypto';
import type { Scenario } from './scenarios.js';

/**
 * Razorpay's webhook under load: each request a signed `payment.captured` with its own event id, for
 * an order that is not ours (the quick path Razorpay's retries and other integrations' events take:
 * signature over the raw body, one de-duplicating insert, 200). The server runs with bench keys so the
 * signatures can be computed here; no request reaches Razorpay.
 */
const KEYS = {
  RAZORPAY_KEY_ID: 'rzp_test_BenchWebhook001',
  RAZORPAY_KEY_SECRET: 'bench-key-secret',
  RAZORPAY_WEBHOOK_SECRET: 'bench-webhook-secret',
};

export function paymentWebhook(): Scenario {
  let sequence = 0;
  const signed = () => {
    sequence += 1;
    const body = JSON.stringify({
      entity: 'event',
      event: 'payment.captured',
      payload: {
        payment: {
          entity: {
            id: `pay_Bench${String(sequence).padStart(10, '0')}`,
            amount: 150_000,
            order_id: 'order_NotOurs0000001',
            method: 'upi',
          },
        },
      },
    });
    const signature = createHmac('sha256', KEYS.RAZORPAY_WEBHOOK_SECRET).update(body).digest('hex');
    return {
      body,
      headers: { 'x-razorpay-signature': signature, 'x-razorpay-event-id': `evt_${randomUUID()}` },
    };
  };
  return {
    name: 'POST /api/payments/webhook',
    miboEnv: KEYS,
    baseline: () => ({
      method: 'POST',
      path: '/echo',
      vary: () => ({ body: JSON.parse(signed().body) as unknown }),
    }),
    mibo: () => ({
      method: 'POST',
      path: '/api/payments/webhook',
      vary: () => {
        const { body, headers } = signed();
        // Sent as the exact bytes signed: the load tool serialises `body` with JSON.stringify too.
        return { body: JSON.parse(body) as unknown, headers };
      },
    }),
  };
}
