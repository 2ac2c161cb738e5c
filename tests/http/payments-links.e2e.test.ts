import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliverWebhook,
  fakeRazorpay,
  mondayClinician,
  nextMonday,
  paymentEntity,
  sql,
  staffToken,
} from '../support/booking-clinic.js';
import { randomPhone, seedCentre } from '../support/builders.js';
import { waitForJobs } from '../support/jobs.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('payment links (/api/payments/create-link, /verify/:plinkId)', () => {
  let t: TestApi;
  let centre: number;
  let clinician: number;
  let frontDesk: string;
  let slot = 0;
  const monday = nextMonday('Asia/Kolkata');

  /** A front-desk booking: its link is made through billing after the commit. */
  async function staffBooking() {
    const phone = randomPhone();
    const n = slot++;
    const res = await t.request('POST', '/api/booking/front-desk', {
      token: frontDesk,
      body: {
        clinicianId: clinician,
        centreId: centre,
        appointmentDate: monday.addDays(7 * Math.floor(n / 4)).toString(),
        appointmentTime: `${String(9 + (n % 4)).padStart(2, '0')}:00:00`,
        sessionType: 'IN_PERSON',
        patientPhone: phone,
        patientName: 'Link Patient',
      },
    });
    expect(res.status).toBe(201);
    const appointmentId = res.body.data.id as number;
    const saved = (await sql(t, 'select * from appointments where id = ?', [appointmentId]))[0] as Record<
      string,
      any
    >;
    return {
      appointmentId,
      phone,
      linkId: saved.payment_link_id as string,
      patientId: saved.patient_id as number,
    };
  }
  const row = async (id: number) =>
    (await sql(t, 'select * from appointments where id = ?', [id]))[0] as Record<string, any>;

  beforeAll(async () => {
    t = await startTestApi();
    const admin = (await staffToken(t, 'ADMIN')).token;
    frontDesk = (await staffToken(t, 'FRONT_DESK')).token;
    centre = await seedCentre(t, { timezone: 'Asia/Kolkata' });
    clinician = await mondayClinician(t, admin, centre, 1500);
  });
  afterAll(async () => t.close());

  it("records a staff booking's link (reference = appointment id) and sends it on WhatsApp", async () => {
    const { appointmentId, phone, linkId } = await staffBooking();
    expect(linkId).toMatch(/^plink_/);
    expect(await fakeRazorpay(t).paymentLink(linkId)).toMatchObject({
      referenceId: String(appointmentId),
      amountPaise: 150_000,
    });
    expect(
      await sql(t, 'select link_id, status from payments where appointment_id = ?', [appointmentId]),
    ).toEqual([{ link_id: linkId, status: 'PENDING' }]);
    await waitForJobs(t);
    const outbox = await t.request('GET', `/api/dev/outbox?to=${encodeURIComponent(phone)}`);
    const shortUrl = (await fakeRazorpay(t).paymentLink(linkId))!.shortUrl;
    expect(outbox.body.data.some((m: { text: string }) => m.text.includes(shortUrl))).toBe(true);
  });

  it('creates a link on request, for the fee due only, for the roles the spec names', async () => {
    const { appointmentId } = await staffBooking();
    const body = {
      appointmentId,
      amount: 1500,
      customerName: 'Jane Smith',
      customerPhone: '9876543210',
      customerEmail: 'jane@example.com',
    };
    const res = await t.request('POST', '/api/payments/create-link', { token: frontDesk, body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      success: true,
      message: 'Payment link created and sent via WhatsApp',
      data: {
        paymentLinkId: expect.stringMatching(/^plink_/),
        shortUrl: expect.stringMatching(/^https:\/\/rzp\.io\/i\//),
        expiresAt: expect.any(String),
      },
    });
    expect(await fakeRazorpay(t).paymentLink(res.body.data.paymentLinkId)).toMatchObject({
      referenceId: String(appointmentId),
      customer: { name: 'Jane Smith', phone: '+919876543210' },
    });
    expect((await row(appointmentId)).payment_link_id).toBe(res.body.data.paymentLinkId);
    const wrongAmount = await t.request('POST', '/api/payments/create-link', {
      token: frontDesk,
      body: { ...body, amount: 1 },
    });
    expect(wrongAmount.status).toBe(400);
    for (const role of ['CENTRE_MANAGER', 'CLINICIAN'] as const) {
      const token = (await staffToken(t, role, centre)).token;
      expect((await t.request('POST', '/api/payments/create-link', { token, body })).status).toBe(403);
    }
    const badEmail = await t.request('POST', '/api/payments/create-link', {
      token: frontDesk,
      body: { ...body, customerEmail: 'nope' },
    });
    expect(badEmail.status).toBe(400);
  });

  it("accepts Razorpay's signed callback without a token: the link is paid and the appointment confirmed", async () => {
    const { appointmentId, linkId } = await staffBooking();
    const params = await fakeRazorpay(t).payLink(linkId);
    const forged = await t.request(
      'GET',
      `/api/payments/verify/${linkId}?${new URLSearchParams({ ...params, razorpay_signature: '0'.repeat(64) })}`,
    );
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('PAYMENT_FAILED');
    expect(await row(appointmentId)).toMatchObject({ status: 'PENDING', payment_status: 'PENDING' });
    const res = await t.request('GET', `/api/payments/verify/${linkId}?${new URLSearchParams(params)}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ paymentLinkId: linkId, status: 'paid', amountPaid: 1500 });
    expect(await row(appointmentId)).toMatchObject({ status: 'CONFIRMED', payment_status: 'PAID' });
    // payment_link.paid afterwards is the same payment: nothing more happens.
    await deliverWebhook(t, {
      event: 'payment_link.paid',
      payload: {
        payment_link: { entity: { id: linkId, reference_id: String(appointmentId), status: 'paid' } },
        ...paymentEntity({ id: params.razorpay_payment_id!, amount: 150_000 }),
      },
    });
    expect(
      await sql(t, 'select status, provider_payment_id from payments where appointment_id = ?', [
        appointmentId,
      ]),
    ).toEqual([{ status: 'PAID', provider_payment_id: params.razorpay_payment_id }]);
  });

  it("asks the provider for the link's status when called with a token, and needs one otherwise", async () => {
    const { appointmentId, linkId } = await staffBooking();
    expect((await t.request('GET', `/api/payments/verify/${linkId}`)).status).toBe(401);
    const clinicianToken = (await staffToken(t, 'CLINICIAN')).token;
    expect((await t.request('GET', `/api/payments/verify/${linkId}`, { token: clinicianToken })).status).toBe(
      403,
    );
    const open = await t.request('GET', `/api/payments/verify/${linkId}`, { token: frontDesk });
    expect(open.body.data).toEqual({ paymentLinkId: linkId, status: 'created', amountPaid: 0 });
    await fakeRazorpay(t).payLink(linkId, 'card');
    const paid = await t.request('GET', `/api/payments/verify/${linkId}`, { token: frontDesk });
    expect(paid.body.data).toEqual({ paymentLinkId: linkId, status: 'paid', amountPaid: 1500 });
    expect(await row(appointmentId)).toMatchObject({ status: 'CONFIRMED', payment_status: 'PAID' });
    expect(
      (await t.request('GET', '/api/payments/verify/plink_Unknown0000000', { token: frontDesk })).status,
    ).toBe(404);
    expect((await t.request('GET', '/api/payments/verify/not-a-link', { token: frontDesk })).status).toBe(
      400,
    );
  });

  it('confirms on the payment_link.paid webhook alone', async () => {
    const { appointmentId, linkId } = await staffBooking();
    const params = await fakeRazorpay(t).payLink(linkId);
    const res = await deliverWebhook(t, {
      event: 'payment_link.paid',
      payload: {
        payment_link: { entity: { id: linkId, reference_id: String(appointmentId), status: 'paid' } },
        ...paymentEntity({ id: params.razorpay_payment_id!, amount: 150_000, method: 'netbanking' }),
      },
    });
    expect(res.status).toBe(200);
    expect(await row(appointmentId)).toMatchObject({ status: 'CONFIRMED', payment_status: 'PAID' });
    expect(await sql(t, 'select method from payments where appointment_id = ?', [appointmentId])).toEqual([
      { method: 'NETBANKING' },
    ]);
  });

  it('gives back a second payment for a fee already paid (link and order both paid)', async () => {
    const { appointmentId, linkId } = await staffBooking();
    const params = await fakeRazorpay(t).payLink(linkId);
    expect(
      (await t.request('GET', `/api/payments/verify/${linkId}?${new URLSearchParams(params)}`)).status,
    ).toBe(200);
    const order = await fakeRazorpay(t).ledger.createOrder({
      amountPaise: 150_000,
      receipt: String(appointmentId),
      notes: {},
    });
    await sql(t, 'update payments set order_id = ? where appointment_id = ?', [order.id, appointmentId]);
    const second = await fakeRazorpay(t).payOrder(order.id);
    const res = await deliverWebhook(t, {
      event: 'payment.captured',
      payload: paymentEntity({ id: second.paymentId, amount: 150_000, order_id: order.id }),
    });
    expect(res.status).toBe(200);
    await waitForJobs(t);
    expect((await fakeRazorpay(t).payment(second.paymentId))!.refunds).toMatchObject([
      { amountPaise: 150_000 },
    ]);
    expect((await fakeRazorpay(t).payment(params.razorpay_payment_id!))!.refunds).toEqual([]);
    expect(
      await sql(t, 'select status, provider_payment_id from payments where appointment_id = ?', [
        appointmentId,
      ]),
    ).toEqual([{ status: 'PAID', provider_payment_id: params.razorpay_payment_id }]);
    expect(await row(appointmentId)).toMatchObject({ status: 'CONFIRMED', payment_status: 'PAID' });
  });

  it('lets payment_link.expired end a hold that has run out, and only then', async () => {
    const { appointmentId, linkId } = await staffBooking();
    const expired = {
      event: 'payment_link.expired',
      payload: {
        payment_link: { entity: { id: linkId, reference_id: String(appointmentId), status: 'expired' } },
      },
    };
    expect((await deliverWebhook(t, expired)).status).toBe(200);
    expect(await row(appointmentId)).toMatchObject({ status: 'PENDING' });
    await sql(t, "update appointments set hold_expires_at = now() - interval '1 minute' where id = ?", [
      appointmentId,
    ]);
    expect((await deliverWebhook(t, expired)).status).toBe(200);
    expect(await row(appointmentId)).toMatchObject({
      status: 'CANCELLED',
      cancellation_reason: 'PAYMENT_TIMEOUT',
    });
  });
});
