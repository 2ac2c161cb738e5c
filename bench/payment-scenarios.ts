import { createHmac, randomUUID } from 'node:crypto';
import { expectOk, mapLimit } from './lib/http.js';
import { bookingHandout } from './lib/booking-handout.js';
import type { Scenario } from './scenarios.js';

/**
 * Razorpay's webhook under load, on the path that matters: each request a signed `payment.captured`
 * (its own event id) for the order of a real PENDING booking, so the server checks the signature over
 * the raw body, claims the event id, locks the appointment, records the Payment, confirms the
 * appointment and writes its outbox jobs. The bookings are made beforehand (an open slot and a patient
 * each, on the seeded database, as `POST /api/booking/create` does it); Mibo runs with the fake
 * Razorpay, whose webhook secret (kept in platform_settings) is read from the run's PostgreSQL
 * database to sign the events. On PGlite the scenario skips itself (the database is inside Mibo).
 */

const WEBHOOK_SECRET_SETTING = 'razorpay_fake_webhook_secret'; // src/bootstrap/modules/billing.module.ts
const PHONES_FROM = 8_500_000_000; // apart from bookingCreate's patients (8_000_000_000…)

interface PendingOrder {
  orderId: string;
  amountPaise: number;
}

export function paymentWebhook(): Scenario {
  let secret = '';
  let orders: PendingOrder[] = [];
  let taken = 0;
  let sequence = 0;
  const event = (order: PendingOrder) => {
    sequence += 1;
    return {
      entity: 'event',
      event: 'payment.captured',
      payload: {
        payment: {
          entity: {
            id: `pay_Bench${String(sequence).padStart(9, '0')}`,
            entity: 'payment',
            order_id: order.orderId,
            amount: order.amountPaise,
            currency: 'INR',
            status: 'captured',
            method: 'upi',
          },
        },
      },
    };
  };
  const nextOrder = () => {
    if (taken === orders.length) console.warn('  ! webhook handout exhausted: reusing orders (already paid)');
    return orders[Math.min(taken++, orders.length - 1)]!;
  };
  return {
    name: 'POST /api/payments/webhook',
    // No RAZORPAY_* keys: the fake gateway. A long hold, so no booking expires before its capture.
    miboEnv: {
      BENCH_SEED: 'scheduling',
      JWT_EXPIRES_IN: '1h',
      BOOKING_HOLD_MINUTES: '120',
      // BENCH_WORKER=off: no job workers in the measured server (as when they run in their own process).
      WORKER: process.env.BENCH_WORKER ?? 'on',
    },
    p99TargetMs: 50, // issue 4: p99 under 50 ms at 10 concurrent clients, no 5xx, on PostgreSQL
    async prepare({ miboUrl, settings, database, log }) {
      if (!database) return { skip: 'needs DATABASE_URL (the fake webhook secret is read from PostgreSQL)' };
      const [row] = await database.query<{ value: string }>(
        'select value from platform_settings where name = $1',
        [WEBHOOK_SECRET_SETTING],
      );
      if (!row) throw new Error(`no ${WEBHOOK_SECRET_SETTING}: is Mibo running with the fake Razorpay?`);
      secret = row.value;
      const started = Date.now();
      const handout = await bookingHandout(miboUrl, settings, PHONES_FROM);
      orders = await mapLimit(handout, 8, async ({ slot, token }) => {
        const body = (await expectOk(
          miboUrl,
          'POST',
          '/api/booking/create',
          { ...slot, sessionType: 'IN_PERSON' },
          { authorization: `Bearer ${token}` },
        )) as { data: { paymentOrderId: string | null; amount: number } };
        if (!body.data.paymentOrderId) throw new Error('a booking without an order (a zero fee?)');
        return { orderId: body.data.paymentOrderId, amountPaise: Math.round(body.data.amount * 100) };
      });
      taken = 0;
      log(
        `${orders.length} pending bookings with their orders, ${handout.length} patients logged in by OTP, ` +
          `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    },
    // The same kind of request: the same shape of body, echoed.
    baseline: () => ({
      method: 'POST',
      path: '/echo',
      vary: () => ({ body: event({ orderId: 'order_BenchBaseline01', amountPaise: 150_000 }) }),
    }),
    mibo: (phase, { settings }) => ({
      method: 'POST',
      path: '/api/payments/webhook',
      amount: phase === 'warmup' ? settings.bookingsWarmup : settings.bookingsPerRound,
      vary: () => {
        const body = JSON.stringify(event(nextOrder()));
        const signature = createHmac('sha256', secret).update(body).digest('hex');
        // Sent as the exact bytes signed: the load tool serialises `body` with JSON.stringify too.
        return {
          body: JSON.parse(body) as unknown,
          headers: { 'x-razorpay-signature': signature, 'x-razorpay-event-id': `evt_${randomUUID()}` },
        };
      },
    }),
  };
}
