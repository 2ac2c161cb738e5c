import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliverWebhook,
  fakeRazorpay,
  mondayClinician,
  nextMonday,
  patientToken,
  paymentEntity,
  sql,
  staffToken,
} from '../support/booking-clinic.js';
import { seedCentre } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('Razorpay webhook (/api/payments/webhook)', () => {
  let t: TestApi;
  let centre: number;
  let clinician: number;
  let slot = 0;
  const monday = nextMonday('Asia/Kolkata');

  async function booking() {
    const patient = await patientToken(t);
    const n = slot++;
    const res = await t.request('POST', '/api/booking/create', {
      token: patient.token,
      body: {
        clinicianId: clinician,
        centreId: centre,
        appointmentDate: monday.addDays(7 * Math.floor(n / 4)).toString(),
        appointmentTime: `${String(9 + (n % 4)).padStart(2, '0')}:00:00`,
        sessionType: 'ONLINE',
      },
    });
    expect(res.status).toBe(201);
    return {
      appointmentId: res.body.data.appointmentId as number,
      orderId: res.body.data.paymentOrderId as string,
    };
  }
  const row = async (id: number) =>
    (await sql(t, 'select * from appointments where id = ?', [id]))[0] as Record<string, any>;
  const payments = (id: number) => sql(t, 'select * from payments where appointment_id = ?', [id]);
  const captured = (orderId: string, id: string) => ({
    event: 'payment.captured',
    payload: paymentEntity({ id, amount: 150_000, order_id: orderId }),
  });

  beforeAll(async () => {
    t = await startTestApi();
    const admin = (await staffToken(t, 'ADMIN')).token;
    centre = await seedCentre(t, { timezone: 'Asia/Kolkata' });
    clinician = await mondayClinician(t, admin, centre, 1500);
  });
  afterAll(async () => t.close());

  it('confirms the appointment on payment.captured, without a token or a rate limit', async () => {
    const { appointmentId, orderId } = await booking();
    const { paymentId } = await fakeRazorpay(t).payOrder(orderId);
    const res = await deliverWebhook(t, captured(orderId, paymentId));
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    expect(await row(appointmentId)).toMatchObject({ status: 'CONFIRMED', payment_status: 'PAID' });
    expect(await payments(appointmentId)).toMatchObject([
      { status: 'PAID', provider_payment_id: paymentId, method: 'UPI' },
    ]);
  });

  it('answers 400 INVALID_SIGNATURE to a forged or re-serialised body, changing nothing', async () => {
    const { appointmentId, orderId } = await booking();
    const event = captured(orderId, (await fakeRazorpay(t).payOrder(orderId)).paymentId);
    const forged = await deliverWebhook(t, event, { signature: 'a'.repeat(64), eventId: 'evt_forged' });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('INVALID_SIGNATURE');
    const signedOther = fakeRazorpay(t).signatures.webhook(JSON.stringify(event));
    const reserialised = await deliverWebhook(t, event, { signature: signedOther });
    expect(reserialised.status).toBe(400);
    const missing = await t.request('POST', '/api/payments/webhook', { body: event });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('INVALID_SIGNATURE');
    expect(await row(appointmentId)).toMatchObject({ status: 'PENDING', payment_status: 'PENDING' });
    expect(await payments(appointmentId)).toEqual([]);
    expect(await sql(t, "select * from payment_webhook_events where event_id = 'evt_forged'")).toEqual([]);
  });

  it('handles the same delivery five times, and the same payment under new event ids, as one payment', async () => {
    const { appointmentId, orderId } = await booking();
    const { paymentId } = await fakeRazorpay(t).payOrder(orderId);
    const event = captured(orderId, paymentId);
    const answers = await Promise.all(
      [1, 2, 3, 4, 5].map(() => deliverWebhook(t, event, { eventId: `evt_same_${appointmentId}` })),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    for (const eventId of ['a', 'b']) {
      await deliverWebhook(
        t,
        { ...event, event: eventId === 'a' ? 'order.paid' : 'payment.captured' },
        { eventId: `evt_${eventId}_${appointmentId}` },
      );
    }
    expect(await payments(appointmentId)).toHaveLength(1);
    expect(await payments(appointmentId)).toMatchObject([{ status: 'PAID', provider_payment_id: paymentId }]);
    const appointment = await row(appointmentId);
    expect(appointment.history.filter((h: any) => h.to === 'CONFIRMED')).toHaveLength(1);
    expect(
      await sql(t, 'select * from payment_webhook_events where event_id = ?', [`evt_same_${appointmentId}`]),
    ).toHaveLength(1);
  });

  it('keeps the final state whatever the order: a late payment.failed changes nothing', async () => {
    const { appointmentId, orderId } = await booking();
    const { paymentId } = await fakeRazorpay(t).payOrder(orderId);
    const failed = {
      event: 'payment.failed',
      payload: paymentEntity({
        id: 'pay_failedAttempt01',
        amount: 150_000,
        order_id: orderId,
        status: 'failed',
      }),
    };
    await deliverWebhook(t, failed);
    expect(await row(appointmentId)).toMatchObject({ status: 'PENDING', payment_status: 'FAILED' });
    await deliverWebhook(t, captured(orderId, paymentId));
    await deliverWebhook(t, {
      ...failed,
      payload: paymentEntity({ id: paymentId, amount: 150_000, order_id: orderId, status: 'failed' }),
    });
    await deliverWebhook(t, failed);
    expect(await row(appointmentId)).toMatchObject({ status: 'CONFIRMED', payment_status: 'PAID' });
    expect(await payments(appointmentId)).toMatchObject([
      { status: 'PAID', provider_payment_id: paymentId, failure_reason: null },
    ]);
  });

  it('acknowledges events that are not ours or not handled, and refuses a body that is not an event', async () => {
    const unknownOrder = await deliverWebhook(t, captured('order_NotOurs00000000', 'pay_NotOurs000000000'));
    expect(unknownOrder.status).toBe(200);
    expect(await sql(t, "select * from payments where provider_payment_id = 'pay_NotOurs000000000'")).toEqual(
      [],
    );
    expect((await deliverWebhook(t, { event: 'settlement.processed', payload: {} })).status).toBe(200);
    const notJson = 'not json';
    const res = await t.request('POST', '/api/payments/webhook', {
      rawBody: notJson,
      headers: { 'x-razorpay-signature': fakeRazorpay(t).signatures.webhook(notJson) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
  });
});
