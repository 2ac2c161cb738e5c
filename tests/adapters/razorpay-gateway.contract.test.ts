import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FakeRazorpayGateway,
  throwawayRazorpayKeys,
} from '../../src/adapters/gateways/razorpay/fake-razorpay-gateway.js';
import type { FakeRazorpayLedger } from '../../src/adapters/gateways/razorpay/fake-razorpay-ledger.js';
import { RazorpaySdkGateway } from '../../src/adapters/gateways/razorpay/razorpay-sdk-gateway.js';
import { RazorpaySignatures } from '../../src/adapters/gateways/razorpay/razorpay-signatures.js';
import {
  PaymentGatewayRefusal,
  type PaymentGateway,
} from '../../src/application/billing/ports/payment-gateway.js';
import { GatewayUnavailableError } from '../../src/application/shared/app-errors.js';
import { startRazorpayStub, type RazorpayStub } from '../support/razorpay-stub.js';

interface Harness {
  gateway: PaymentGateway;
  ledger: FakeRazorpayLedger;
  outage(attempts: number): void;
  attempts(): number;
}

const keys = throwawayRazorpayKeys();
const fast = { tries: 3, delaysMs: [0] };
let stub: RazorpayStub;

const harnesses: Record<string, () => Harness> = {
  'fake gateway': () => {
    const gateway = new FakeRazorpayGateway(keys, fast);
    return {
      gateway,
      ledger: gateway.ledger,
      outage: (n) => gateway.outage(n),
      attempts: () => gateway.attempts,
    };
  },
  'Razorpay SDK adapter on a local stub': () => ({
    gateway: new RazorpaySdkGateway(keys, { baseUrl: stub.url, retries: fast, timeoutMs: 2000 }),
    ledger: stub.ledger,
    outage: (n) => stub.outage(n),
    attempts: () => stub.requests.length,
  }),
};

const order = { amountPaise: 150_000, receipt: '42', notes: { appointmentId: '42' } };
const link = (expireBy = new Date(Date.now() + 3_600_000)) => ({
  amountPaise: 50_000,
  referenceId: '42',
  description: 'Consultation',
  customer: { name: 'Jane', phone: '+919876543210' },
  expireBy,
});
const signatures = new RazorpaySignatures(keys);

beforeAll(async () => {
  stub = await startRazorpayStub(keys.keyId, keys.keySecret);
});
afterAll(async () => stub.close());

describe.each(Object.keys(harnesses))('Razorpay contract: %s', (name) => {
  const h = () => harnesses[name]!();

  it("creates orders and links with Razorpay's ids, amounts in paise", async () => {
    const { gateway, ledger } = h();
    const { orderId } = await gateway.createOrder(order);
    const { linkId, shortUrl } = await gateway.createPaymentLink(link());
    expect(orderId).toMatch(/^order_[0-9A-Za-z]{14}$/);
    expect(linkId).toMatch(/^plink_[0-9A-Za-z]{14}$/);
    expect(shortUrl).toMatch(/^https:\/\/rzp\.io\/i\/[0-9A-Za-z]{10}$/);
    expect(await ledger.order(orderId)).toMatchObject({ amountPaise: 150_000, receipt: '42' });
    expect(await ledger.findLink(linkId)).toMatchObject({ amountPaise: 50_000, referenceId: '42' });
    expect(gateway.keyId).toBe(keys.keyId);
  });

  it("reports a link's status as it is paid or expires", async () => {
    const { gateway, ledger } = h();
    const { linkId } = await gateway.createPaymentLink(link());
    expect(await gateway.fetchPaymentLink(linkId)).toMatchObject({ status: 'created', amountPaidPaise: 0 });
    const payment = await ledger.payLink(linkId, 'upi');
    expect(await gateway.fetchPaymentLink(linkId)).toEqual({
      linkId,
      referenceId: '42',
      status: 'paid',
      amountPaise: 50_000,
      amountPaidPaise: 50_000,
      paymentId: payment.id,
      method: 'upi',
    });
    const soon = await gateway.createPaymentLink(link(new Date(Date.now() + 50)));
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await gateway.fetchPaymentLink(soon.linkId)).status).toBe('expired');
  });

  it('cancels an open link, quietly accepts cancelling twice, refuses to cancel a paid one', async () => {
    const { gateway, ledger } = h();
    const { linkId } = await gateway.createPaymentLink(link());
    await gateway.cancelPaymentLink(linkId);
    await gateway.cancelPaymentLink(linkId);
    expect((await ledger.findLink(linkId))!.status).toBe('cancelled');
    const paid = await gateway.createPaymentLink(link());
    await ledger.payLink(paid.linkId);
    await expect(gateway.cancelPaymentLink(paid.linkId)).rejects.toBeInstanceOf(PaymentGatewayRefusal);
  });

  it('refunds a payment in full once, however often asked', async () => {
    const { gateway, ledger } = h();
    const { orderId } = await gateway.createOrder(order);
    const payment = await ledger.payOrder(orderId);
    const first = await gateway.refundPayment(payment.id, 150_000);
    expect(first.refundId).toMatch(/^rfnd_[0-9A-Za-z]{14}$/);
    expect(await gateway.refundPayment(payment.id, 150_000)).toEqual(first);
    expect(await ledger.refundsOf(payment.id)).toHaveLength(1);
    await expect(gateway.refundPayment('pay_unknown0000000', 100)).rejects.toBeInstanceOf(
      PaymentGatewayRefusal,
    );
  });

  it('checks the three signatures with the formulas Razorpay uses', () => {
    const { gateway } = h();
    const sig = signatures.checkout('order_1', 'pay_1');
    expect(gateway.isCheckoutSignatureValid('order_1', 'pay_1', sig)).toBe(true);
    expect(gateway.isCheckoutSignatureValid('order_1', 'pay_2', sig)).toBe(false);
    expect(gateway.isCheckoutSignatureValid('order_1', 'pay_1', sig.slice(0, 10))).toBe(false);
    const callback = { linkId: 'plink_1', referenceId: '42', status: 'paid', paymentId: 'pay_1' };
    expect(gateway.isPaymentLinkSignatureValid(callback, signatures.paymentLink(callback))).toBe(true);
    expect(
      gateway.isPaymentLinkSignatureValid(
        { ...callback, referenceId: '43' },
        signatures.paymentLink(callback),
      ),
    ).toBe(false);
    const body = '{"event":"payment.captured"}';
    expect(gateway.isWebhookSignatureValid(body, signatures.webhook(body))).toBe(true);
    expect(gateway.isWebhookSignatureValid(`${body} `, signatures.webhook(body))).toBe(false);
    expect(gateway.isWebhookSignatureValid(body, 'not-hex')).toBe(false);
  });

  it('retries a 5xx until it succeeds, gives up as unavailable, never retries a 4xx', async () => {
    const { gateway, outage, attempts } = h();
    let before = attempts();
    outage(2);
    expect((await gateway.createOrder(order)).orderId).toMatch(/^order_/);
    expect(attempts() - before).toBe(3);
    before = attempts();
    outage(3);
    await expect(gateway.createOrder(order)).rejects.toBeInstanceOf(GatewayUnavailableError);
    expect(attempts() - before).toBe(3);
    before = attempts();
    await expect(gateway.fetchPaymentLink('plink_unknown0000000')).rejects.toMatchObject({
      code: 'PAYMENT_FAILED',
      status: 400,
    });
    await expect(gateway.createOrder({ ...order, amountPaise: 0 })).rejects.toBeInstanceOf(
      PaymentGatewayRefusal,
    );
    expect(attempts() - before).toBe(2);
  });
});

describe('Razorpay SDK adapter', () => {
  it('reports an unreachable provider as unavailable', async () => {
    const gateway = new RazorpaySdkGateway(keys, { baseUrl: 'http://127.0.0.1:9', retries: fast });
    await expect(gateway.createOrder(order)).rejects.toBeInstanceOf(GatewayUnavailableError);
  });
});

describe('payment gateway wiring', () => {
  it('runs the SDK adapter when Razorpay keys are set, and refuses half a configuration', async () => {
    const { startTestApi } = await import('../support/test-api.js');
    const { T } = await import('../../src/bootstrap/tokens.js');
    const real = await startTestApi({
      RAZORPAY_KEY_ID: 'rzp_test_Wiring00000001',
      RAZORPAY_KEY_SECRET: 'wiring-secret',
      RAZORPAY_WEBHOOK_SECRET: 'wiring-webhook-secret',
    });
    try {
      const gateway = real.api.container.get(T.PaymentGateway);
      expect(gateway).toBeInstanceOf(RazorpaySdkGateway);
      expect(gateway.keyId).toBe('rzp_test_Wiring00000001');
      const body = '{"event":"ping"}';
      const signature = new RazorpaySignatures({
        keyId: '',
        keySecret: '',
        webhookSecret: 'wiring-webhook-secret',
      }).webhook(body);
      expect(gateway.isWebhookSignatureValid(body, signature)).toBe(true);
    } finally {
      await real.close();
    }
    await expect(startTestApi({ RAZORPAY_KEY_ID: 'rzp_test_Wiring00000001' })).rejects.toThrow(
      /RAZORPAY_KEY_SECRET and RAZORPAY_WEBHOOK_SECRET are required/,
    );
  });
});
