import { describe, expect, it } from 'vitest';
import { FakeRazorpayGateway } from '../../src/adapters/gateways/razorpay/fake-razorpay-gateway.js';
import { PaymentGatewayRefusal } from '../../src/application/billing/ports/payment-gateway.js';
import { GatewayUnavailableError } from '../../src/application/shared/app-errors.js';

const order = { amountPaise: 150_000, receipt: 'bk_1_2_3', notes: { patientId: '1' } };
const link = {
  amountPaise: 50_000,
  referenceId: '42',
  description: 'Consultation',
  customer: { name: 'Jane', phone: '+919876543210' },
  expireBy: new Date('2030-01-01T00:00:00Z'),
};

describe('fake Razorpay gateway', () => {
  it("issues ids shaped like Razorpay's and keeps what it created", async () => {
    const gateway = new FakeRazorpayGateway();
    const { orderId } = await gateway.createOrder(order);
    const { linkId, shortUrl } = await gateway.createPaymentLink(link);
    expect(orderId).toMatch(/^order_[0-9A-Za-z]{14}$/);
    expect(linkId).toMatch(/^plink_[0-9A-Za-z]{14}$/);
    expect(shortUrl).toMatch(/^https:\/\/rzp\.io\/i\/[0-9A-Za-z]{10}$/);
    expect(await gateway.order(orderId)).toMatchObject({
      ...order,
      id: orderId,
      currency: 'INR',
      status: 'created',
    });
    expect(await gateway.paymentLink(linkId)).toMatchObject({
      ...link,
      id: linkId,
      shortUrl,
      status: 'created',
    });
    expect((await gateway.createOrder(order)).orderId).not.toBe(orderId);
  });

  it('fails exactly the next n calls as an unavailable provider, creating nothing', async () => {
    const gateway = new FakeRazorpayGateway();
    gateway.failNext(2);
    await expect(gateway.createOrder(order)).rejects.toBeInstanceOf(GatewayUnavailableError);
    await expect(gateway.createPaymentLink(link)).rejects.toMatchObject({ code: 'GATEWAY_UNAVAILABLE' });
    const { orderId } = await gateway.createOrder(order);
    expect(await gateway.order(orderId)).toBeDefined();
  });

  it('refuses amounts Razorpay would refuse', async () => {
    const gateway = new FakeRazorpayGateway();
    await expect(gateway.createOrder({ ...order, amountPaise: 0 })).rejects.toThrow(PaymentGatewayRefusal);
    await expect(gateway.createPaymentLink({ ...link, amountPaise: 10.5 })).rejects.toThrow(
      PaymentGatewayRefusal,
    );
  });
});
