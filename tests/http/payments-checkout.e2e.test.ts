import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  fakeRazorpay,
  mondayClinician,
  nextMonday,
  patientToken,
  sql,
  staffToken,
} from '../support/booking-clinic.js';
import { seedCentre } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('checkout payments (/api/payments/create-order, /verify, /:appointmentId)', () => {
  let t: TestApi;
  let centre: number;
  let otherCentre: number;
  let clinician: number;
  let admin: string;
  let slotHour = 9;
  const monday = nextMonday('Asia/Kolkata');
  let week = 0;

  /** A patient's booking: each on its own slot (four a Monday, then the next week). */
  async function booking() {
    const patient = await patientToken(t);
    if (slotHour > 12) {
      slotHour = 9;
      week += 1;
    }
    const res = await t.request('POST', '/api/booking/create', {
      token: patient.token,
      body: {
        clinicianId: clinician,
        centreId: centre,
        appointmentDate: monday.addDays(7 * week).toString(),
        appointmentTime: `${String(slotHour++).padStart(2, '0')}:00:00`,
        sessionType: 'ONLINE',
      },
    });
    expect(res.status).toBe(201);
    return {
      patient,
      appointmentId: res.body.data.appointmentId as number,
      orderId: res.body.data.paymentOrderId as string,
    };
  }
  const row = async (id: number) =>
    (await sql(t, 'select * from appointments where id = ?', [id]))[0] as Record<string, any>;
  const payments = (id: number) => sql(t, 'select * from payments where appointment_id = ?', [id]);

  beforeAll(async () => {
    t = await startTestApi();
    admin = (await staffToken(t, 'ADMIN')).token;
    centre = await seedCentre(t, { timezone: 'Asia/Kolkata' });
    otherCentre = await seedCentre(t, { timezone: 'Asia/Kolkata' });
    clinician = await mondayClinician(t, admin, centre, 1500);
  });
  afterAll(async () => t.close());

  it('gives back the open order of a booking, with the key the checkout needs', async () => {
    const { patient, appointmentId, orderId } = await booking();
    const res = await t.request('POST', '/api/payments/create-order', {
      token: patient.token,
      body: { appointmentId, amount: 1500 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      data: { orderId, amount: 1500, currency: 'INR', razorpayKeyId: fakeRazorpay(t).keyId },
    });
    expect(res.body.data.razorpayKeyId).toMatch(/^rzp_test_/);
    // The fake's keys are generated once and kept in the database, so every process signs alike.
    const kept = await sql<{ name: string; value: string }>(
      t,
      "select name, value from platform_settings where name like 'razorpay_fake_%' order by name",
    );
    expect(kept).toEqual([
      { name: 'razorpay_fake_key_id', value: fakeRazorpay(t).keys.keyId },
      { name: 'razorpay_fake_key_secret', value: fakeRazorpay(t).keys.keySecret },
      { name: 'razorpay_fake_webhook_secret', value: fakeRazorpay(t).keys.webhookSecret },
    ]);
  });

  it('opens an order (receipt = appointment id) for an appointment without one, once', async () => {
    const { appointmentId } = await booking();
    await sql(t, 'update appointments set payment_order_id = null where id = ?', [appointmentId]);
    const frontDesk = (await staffToken(t, 'FRONT_DESK')).token;
    const first = await t.request('POST', '/api/payments/create-order', {
      token: frontDesk,
      body: { appointmentId, amount: 1500 },
    });
    expect(first.status).toBe(200);
    const order = (await fakeRazorpay(t).order(first.body.data.orderId))!;
    expect(order).toMatchObject({ receipt: String(appointmentId), amountPaise: 150_000 });
    const again = await t.request('POST', '/api/payments/create-order', {
      token: frontDesk,
      body: { appointmentId, amount: 1500 },
    });
    expect(again.body.data.orderId).toBe(first.body.data.orderId);
    expect((await row(appointmentId)).payment_order_id).toBe(first.body.data.orderId);
    expect(await payments(appointmentId)).toMatchObject([
      { order_id: first.body.data.orderId, status: 'PENDING' },
    ]);
  });

  it('refuses an amount other than the fee due, unknown keys, and callers who may not pay', async () => {
    const { patient, appointmentId } = await booking();
    const wrong = await t.request('POST', '/api/payments/create-order', {
      token: patient.token,
      body: { appointmentId, amount: 1000 },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: { amount: expect.any(String) },
    });
    const extra = await t.request('POST', '/api/payments/create-order', {
      token: patient.token,
      body: { appointmentId, amount: 1500, status: 'PAID' },
    });
    expect(extra.status).toBe(400);
    const stranger = await patientToken(t);
    const other = await t.request('POST', '/api/payments/create-order', {
      token: stranger.token,
      body: { appointmentId, amount: 1500 },
    });
    expect(other.status).toBe(404);
    const elsewhere = (await staffToken(t, 'FRONT_DESK', otherCentre)).token;
    expect(
      (
        await t.request('POST', '/api/payments/create-order', {
          token: elsewhere,
          body: { appointmentId, amount: 1500 },
        })
      ).status,
    ).toBe(404);
    const clinicianToken = (await staffToken(t, 'CLINICIAN')).token;
    expect(
      (
        await t.request('POST', '/api/payments/create-order', {
          token: clinicianToken,
          body: { appointmentId, amount: 1500 },
        })
      ).status,
    ).toBe(403);
    expect(
      (await t.request('POST', '/api/payments/create-order', { body: { appointmentId, amount: 1500 } }))
        .status,
    ).toBe(401);
    expect(await payments(appointmentId)).toEqual([]);
  });

  it('verifies the checkout signature: the appointment is confirmed and paid, once', async () => {
    const { patient, appointmentId, orderId } = await booking();
    const paid = await fakeRazorpay(t).payOrder(orderId);
    const body = {
      razorpayOrderId: orderId,
      razorpayPaymentId: paid.paymentId,
      razorpaySignature: paid.signature,
      appointmentId,
    };
    const res = await t.request('POST', '/api/payments/verify', { token: patient.token, body });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Payment verified successfully',
      data: { paymentId: paid.paymentId, status: 'PAID' },
    });
    expect(await row(appointmentId)).toMatchObject({
      status: 'CONFIRMED',
      payment_status: 'PAID',
      hold_expires_at: null,
    });
    expect((await t.request('POST', '/api/payments/verify', { token: patient.token, body })).status).toBe(
      200,
    );
    expect(await payments(appointmentId)).toMatchObject([
      { status: 'PAID', provider_payment_id: paid.paymentId, amount_paise: 150_000 },
    ]);

    const details = await t.request('GET', `/api/payments/${appointmentId}`, { token: patient.token });
    expect(details.status).toBe(200);
    expect(details.body.data).toMatchObject({
      appointmentId,
      amount: 1500,
      status: 'PAID',
      transactionId: paid.paymentId,
      paidAt: expect.any(String),
    });
    const stranger = await patientToken(t);
    expect((await t.request('GET', `/api/payments/${appointmentId}`, { token: stranger.token })).status).toBe(
      404,
    );
    expect((await t.request('GET', `/api/payments/${appointmentId}`, { token: admin })).status).toBe(200);
    const paidAgain = await t.request('POST', '/api/payments/create-order', {
      token: patient.token,
      body: { appointmentId, amount: 1500 },
    });
    expect(paidAgain.status).toBe(409);
  });

  it("answers 400 PAYMENT_FAILED for a bad signature or another appointment's order, changing nothing", async () => {
    const { patient, appointmentId, orderId } = await booking();
    const other = await booking();
    const paid = await fakeRazorpay(t).payOrder(orderId);
    const bad = await t.request('POST', '/api/payments/verify', {
      token: patient.token,
      body: {
        razorpayOrderId: orderId,
        razorpayPaymentId: paid.paymentId,
        razorpaySignature: 'f'.repeat(64),
        appointmentId,
      },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('PAYMENT_FAILED');
    const otherPaid = await fakeRazorpay(t).payOrder(other.orderId);
    const crossed = await t.request('POST', '/api/payments/verify', {
      token: patient.token,
      body: {
        razorpayOrderId: other.orderId,
        razorpayPaymentId: otherPaid.paymentId,
        razorpaySignature: otherPaid.signature,
        appointmentId,
      },
    });
    expect(crossed.status).toBe(400);
    expect(crossed.body.error.code).toBe('PAYMENT_FAILED');
    // Another patient holding a genuine checkout answer for someone else's appointment: not found.
    const stranger = await patientToken(t);
    const theirs = await t.request('POST', '/api/payments/verify', {
      token: stranger.token,
      body: {
        razorpayOrderId: other.orderId,
        razorpayPaymentId: otherPaid.paymentId,
        razorpaySignature: otherPaid.signature,
        appointmentId: other.appointmentId,
      },
    });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('NOT_FOUND');
    expect(await row(appointmentId)).toMatchObject({ status: 'PENDING', payment_status: 'PENDING' });
    expect(await row(other.appointmentId)).toMatchObject({ status: 'PENDING', payment_status: 'PENDING' });
    expect(await payments(appointmentId)).toEqual([]);
    const invalid = await t.request('POST', '/api/payments/verify', {
      token: patient.token,
      body: { appointmentId },
    });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('VALIDATION_ERROR');
  });
});
