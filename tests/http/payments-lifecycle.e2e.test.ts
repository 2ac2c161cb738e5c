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
import { randomPhone, seedCentre } from '../support/builders.js';
import { runJobsDueBy, waitForJobs } from '../support/jobs.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('payments over time: hold expiry, late payments, refunds on cancel', () => {
  let t: TestApi;
  let centre: number;
  let clinician: number;
  let frontDesk: string;
  let slot = 0;
  const monday = nextMonday('Asia/Kolkata');

  const nextSlot = () => {
    const n = slot++;
    return {
      clinicianId: clinician,
      centreId: centre,
      appointmentDate: monday.addDays(7 * Math.floor(n / 4)).toString(),
      appointmentTime: `${String(9 + (n % 4)).padStart(2, '0')}:00:00`,
      sessionType: 'ONLINE',
    };
  };
  async function patientBooking(at = nextSlot()) {
    const patient = await patientToken(t);
    const res = await t.request('POST', '/api/booking/create', { token: patient.token, body: at });
    expect(res.status).toBe(201);
    return {
      patient,
      at,
      appointmentId: res.body.data.appointmentId as number,
      orderId: res.body.data.paymentOrderId as string,
    };
  }
  const row = async (id: number) =>
    (await sql(t, 'select * from appointments where id = ?', [id]))[0] as Record<string, any>;
  const payment = async (id: number) =>
    (await sql(t, 'select * from payments where appointment_id = ?', [id]))[0] as Record<string, any>;
  /** The hold ran out a minute ago: then the expiry job, due at the original end of the hold, runs. */
  async function letHoldRunOut(appointmentId: number) {
    const { hold_expires_at: hold } = await row(appointmentId);
    await sql(t, "update appointments set hold_expires_at = now() - interval '1 minute' where id = ?", [
      appointmentId,
    ]);
    await runJobsDueBy(t, new Date(hold));
  }
  async function payByCheckout(token: string, appointmentId: number, orderId: string) {
    const paid = await fakeRazorpay(t).payOrder(orderId);
    const res = await t.request('POST', '/api/payments/verify', {
      token,
      body: {
        razorpayOrderId: orderId,
        razorpayPaymentId: paid.paymentId,
        razorpaySignature: paid.signature,
        appointmentId,
      },
    });
    expect(res.status).toBe(200);
    return paid.paymentId;
  }

  beforeAll(async () => {
    t = await startTestApi({ JOB_BACKOFF_MS: '10' });
    const admin = (await staffToken(t, 'ADMIN')).token;
    frontDesk = (await staffToken(t, 'FRONT_DESK')).token;
    centre = await seedCentre(t, { timezone: 'Asia/Kolkata' });
    clinician = await mondayClinician(t, admin, centre, 1500);
  });
  afterAll(async () => t.close());

  it('cancels an unpaid booking when its hold ends (PAYMENT_TIMEOUT) and cancels its payment link', async () => {
    const res = await t.request('POST', '/api/booking/front-desk', {
      token: frontDesk,
      body: { ...nextSlot(), patientPhone: randomPhone(), patientName: 'Late Payer' },
    });
    const appointmentId = res.body.data.id as number;
    const { payment_link_id: linkId } = await row(appointmentId);
    await letHoldRunOut(appointmentId);
    expect(await row(appointmentId)).toMatchObject({
      status: 'CANCELLED',
      cancellation_reason: 'PAYMENT_TIMEOUT',
    });
    await waitForJobs(t);
    expect((await fakeRazorpay(t).paymentLink(linkId))!.status).toBe('cancelled');
  });

  it('leaves a paid booking alone when its hold would have ended', async () => {
    const { patient, appointmentId, orderId } = await patientBooking();
    const { hold_expires_at: hold } = await row(appointmentId);
    await payByCheckout(patient.token, appointmentId, orderId);
    await runJobsDueBy(t, new Date(hold));
    expect(await row(appointmentId)).toMatchObject({ status: 'CONFIRMED', payment_status: 'PAID' });
  });

  it('re-confirms a timed-out booking paid late while its slot is still free', async () => {
    const { patient, appointmentId, orderId } = await patientBooking();
    await letHoldRunOut(appointmentId);
    expect((await row(appointmentId)).status).toBe('CANCELLED');
    await payByCheckout(patient.token, appointmentId, orderId);
    const reinstated = await row(appointmentId);
    expect(reinstated).toMatchObject({
      status: 'CONFIRMED',
      payment_status: 'PAID',
      cancellation_reason: null,
    });
    expect(reinstated.history.at(-1)).toMatchObject({ to: 'CONFIRMED' });
    expect(await payment(appointmentId)).toMatchObject({ status: 'PAID', refund_id: null });
  });

  it('refunds a late payment whose slot was taken, tells the patient, and records refund.processed', async () => {
    const first = await patientBooking();
    await letHoldRunOut(first.appointmentId);
    const second = await patientBooking(first.at);
    const { paymentId } = await fakeRazorpay(t).payOrder(first.orderId);
    const res = await deliverWebhook(t, {
      event: 'payment.captured',
      payload: paymentEntity({ id: paymentId, amount: 150_000, order_id: first.orderId }),
    });
    expect(res.status).toBe(200);
    await waitForJobs(t);
    expect(await row(first.appointmentId)).toMatchObject({ status: 'CANCELLED', payment_status: 'REFUNDED' });
    expect(await row(second.appointmentId)).toMatchObject({ status: 'PENDING' });
    const refunded = await payment(first.appointmentId);
    expect(refunded).toMatchObject({
      status: 'REFUND_PENDING',
      refund_reason: 'SLOT_TAKEN',
      refund_id: expect.stringMatching(/^rfnd_/),
    });
    expect((await fakeRazorpay(t).payment(paymentId))!.refunds).toHaveLength(1);
    const told = await t.request('GET', `/api/dev/outbox?to=${encodeURIComponent(first.patient.phone)}`);
    expect(told.body.data.some((m: { text: string }) => /refund/i.test(m.text))).toBe(true);

    const processed = {
      refund: {
        entity: { id: refunded.refund_id, payment_id: paymentId, amount: 150_000, status: 'processed' },
      },
    };
    expect((await deliverWebhook(t, { event: 'refund.processed', payload: processed })).status).toBe(200);
    expect((await deliverWebhook(t, { event: 'refund.processed', payload: processed })).status).toBe(200);
    expect(await payment(first.appointmentId)).toMatchObject({
      status: 'REFUNDED',
      refunded_at: expect.anything(),
    });
  });

  it('refunds in full when staff cancel a paid appointment, and when a patient does before the cut-off', async () => {
    const byStaff = await patientBooking();
    const staffPaid = await payByCheckout(byStaff.patient.token, byStaff.appointmentId, byStaff.orderId);
    const cancel = await t.request('DELETE', `/api/appointments/${byStaff.appointmentId}`, {
      token: frontDesk,
      body: { reason: 'Clinician unwell' },
    });
    expect(cancel.status).toBe(200);
    const byPatient = await patientBooking();
    const patientPaid = await payByCheckout(
      byPatient.patient.token,
      byPatient.appointmentId,
      byPatient.orderId,
    );
    const own = await t.request('POST', `/api/booking/${byPatient.appointmentId}/cancel`, {
      token: byPatient.patient.token,
      body: {},
    });
    expect(own.status).toBe(200);
    const unpaid = await patientBooking();
    await t.request('POST', `/api/booking/${unpaid.appointmentId}/cancel`, {
      token: unpaid.patient.token,
      body: {},
    });
    await waitForJobs(t);
    expect(await row(unpaid.appointmentId)).toMatchObject({ status: 'CANCELLED', payment_status: 'PENDING' });
    expect(await payment(unpaid.appointmentId)).toBeUndefined();
    for (const [id, paymentId] of [
      [byStaff.appointmentId, staffPaid],
      [byPatient.appointmentId, patientPaid],
    ] as const) {
      expect(await row(id)).toMatchObject({ status: 'CANCELLED', payment_status: 'REFUNDED' });
      expect(await payment(id)).toMatchObject({
        status: 'REFUND_PENDING',
        refund_reason: 'CANCELLED',
        amount_paise: 150_000,
      });
      expect((await fakeRazorpay(t).payment(paymentId))!.refunds).toMatchObject([{ amountPaise: 150_000 }]);
    }
    const details = await t.request('GET', `/api/payments/${byStaff.appointmentId}`, { token: frontDesk });
    expect(details.body.data).toMatchObject({
      status: 'REFUND_PENDING',
      refundId: expect.stringMatching(/^rfnd_/),
    });
  });
});
