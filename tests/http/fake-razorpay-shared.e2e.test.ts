import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeRazorpayGateway } from '../../src/adapters/gateways/razorpay/fake-razorpay-gateway.js';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { loadConfig } from '../../src/bootstrap/config.js';
import { createApi, type Api } from '../../src/bootstrap/create-api.js';
import { T } from '../../src/bootstrap/tokens.js';
import {
  fakeRazorpay,
  mondayClinician,
  nextMonday,
  patientToken,
  sql,
  staffToken,
} from '../support/booking-clinic.js';
import { seedCentre } from '../support/builders.js';
import { databaseUrl } from '../support/services.js';
import { startTestApi, TEST_ENV, type TestApi } from '../support/test-api.js';

/** Another API process on the same database, with its own fake Razorpay gateway. */
async function secondApi(t: TestApi): Promise<Api> {
  const config = loadConfig({ ...TEST_ENV, LOG_LEVEL: 'silent', WORKER: 'off' });
  const url = t.api.infra.orm.config.get('clientUrl')!;
  return createApi(config, { database: { url, poolMax: 2, lock: true }, logger: createLogger('silent') });
}

function gatewayOf(api: Api): FakeRazorpayGateway {
  const gateway = api.container.get(T.PaymentGateway);
  if (!(gateway instanceof FakeRazorpayGateway)) throw new Error('expected the fake Razorpay');
  return gateway;
}

// Two processes share a database only on PostgreSQL (PGlite is embedded in one process).
describe.runIf(databaseUrl)('the fake Razorpay shared by API processes on one database', () => {
  let t: TestApi;
  let other: Api;
  let centre: number;
  let clinician: number;

  beforeAll(async () => {
    t = await startTestApi();
    const admin = (await staffToken(t, 'ADMIN')).token;
    centre = await seedCentre(t, { timezone: 'Asia/Kolkata' });
    clinician = await mondayClinician(t, admin, centre, 1500);
    other = await secondApi(t);
  });
  afterAll(async () => {
    await other?.close();
    await t?.close();
  });

  it('pays and refunds, through the second process, an order the first created', async () => {
    const patient = await patientToken(t);
    const booked = await t.request('POST', '/api/booking/create', {
      token: patient.token,
      body: {
        clinicianId: clinician,
        centreId: centre,
        appointmentDate: nextMonday('Asia/Kolkata').toString(),
        appointmentTime: '09:00:00',
        sessionType: 'ONLINE',
      },
    });
    expect(booked.status, booked.text).toBe(201);
    const orderId: string = booked.body.data.paymentOrderId;
    const there = gatewayOf(other);
    expect(there).not.toBe(fakeRazorpay(t));
    expect(await there.order(orderId)).toMatchObject({
      id: orderId,
      amountPaise: 150_000,
      status: 'created',
    });

    const paid = await there.payOrder(orderId);
    // The first process verifies the checkout the second one paid (same keys, same ledger).
    const verified = await t.request('POST', '/api/payments/verify', {
      token: patient.token,
      body: {
        razorpayOrderId: orderId,
        razorpayPaymentId: paid.paymentId,
        razorpaySignature: paid.signature,
        appointmentId: booked.body.data.appointmentId,
      },
    });
    expect(verified.status, verified.text).toBe(200);
    expect(await fakeRazorpay(t).order(orderId)).toMatchObject({ status: 'paid' });

    const { refundId } = await there.refundPayment(paid.paymentId, 150_000);
    expect(refundId).toMatch(/^rfnd_/);
    // Asked again by the first process (a retried refund job elsewhere): the same refund, not a second.
    expect(await fakeRazorpay(t).refundPayment(paid.paymentId, 150_000)).toEqual({ refundId });
    expect(await fakeRazorpay(t).payment(paid.paymentId)).toMatchObject({
      status: 'refunded',
      refunds: [{ id: refundId, amountPaise: 150_000 }],
    });
    const rows = await sql<{ kind: string }>(
      t,
      'select kind from dev_fake_razorpay where provider_id in (?, ?) order by kind',
      [orderId, paid.paymentId],
    );
    expect(rows.map((row) => row.kind)).toEqual(['order', 'payment']);
  });

  it('shows a link made by one process to the other, paid or cancelled', async () => {
    const link = {
      amountPaise: 50_000,
      referenceId: '42',
      description: 'Consultation',
      customer: { name: 'Jane', phone: '+919876543210' },
      expireBy: new Date(Date.now() + 3_600_000),
    };
    const here = fakeRazorpay(t);
    const there = gatewayOf(other);
    const paid = await here.createPaymentLink(link);
    const params = await there.payLink(paid.linkId, 'card');
    expect(await here.fetchPaymentLink(paid.linkId)).toMatchObject({
      status: 'paid',
      paymentId: params.razorpay_payment_id,
      method: 'card',
    });
    const open = await there.createPaymentLink(link);
    await here.cancelPaymentLink(open.linkId);
    expect((await there.fetchPaymentLink(open.linkId)).status).toBe('cancelled');
  });
});
