import { randomInt } from 'node:crypto';
import type {
  NewOrder,
  NewPaymentLink,
  PaymentLinkStatus,
} from '../../../application/billing/ports/payment-gateway.js';
import { InMemoryFakeRazorpayStore, type FakeRazorpayStore } from './fake-razorpay-store.js';
import { ProviderFailure } from './provider-retries.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Razorpay's id shape: a prefix and 14 base62 characters (`order_IluGWxBm9U8zJ8`). */
export function base62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += BASE62[randomInt(BASE62.length)];
  return out;
}

export interface FakeOrder extends NewOrder {
  id: string;
  currency: 'INR';
  status: 'created' | 'paid';
  createdAt: Date;
}

export interface FakePaymentLink extends NewPaymentLink {
  id: string;
  shortUrl: string;
  currency: 'INR';
  status: PaymentLinkStatus;
  paymentId: string | null;
  createdAt: Date;
}

export interface FakePayment {
  id: string;
  orderId: string | null;
  linkId: string | null;
  amountPaise: number;
  method: string;
  status: 'captured' | 'refunded';
  refunds: FakeRefund[];
}

export interface FakeRefund {
  id: string;
  paymentId: string;
  amountPaise: number;
  status: 'processed';
}

const refuse = (description: string) => new ProviderFailure(400, 'BAD_REQUEST_ERROR', description);
const unknownId = () => refuse('The id provided does not exist');

type Stored<T> = Omit<T, 'createdAt' | 'expireBy'> & { createdAt: string; expireBy?: string };
const asOrder = (body: unknown): FakeOrder => {
  const stored = body as Stored<FakeOrder>;
  return { ...stored, createdAt: new Date(stored.createdAt) };
};
const asLink = (body: unknown): FakePaymentLink => {
  const stored = body as Stored<FakePaymentLink>;
  return { ...stored, createdAt: new Date(stored.createdAt), expireBy: new Date(stored.expireBy!) };
};
const asPayment = (body: unknown) => body as FakePayment;
const isOver = (link: FakePaymentLink, now: Date) =>
  link.status === 'created' && link.expireBy.getTime() <= now.getTime();

/**
 * Razorpay's side of things, kept in a store (memory, or the database so that every process agrees):
 * what the fake gateway works on directly and what the test stub serves over HTTP to the real adapter,
 * so both meet the same provider. Refusals are the 400s Razorpay answers (unknown ids, a paid link
 * cancelled, a refund beyond the payment).
 */
export class FakeRazorpayLedger {
  constructor(private readonly store: FakeRazorpayStore = new InMemoryFakeRazorpayStore()) {}

  async createOrder(order: NewOrder): Promise<FakeOrder> {
    checkAmount(order.amountPaise);
    const id = `order_${base62(14)}`;
    const saved: FakeOrder = { ...order, id, currency: 'INR', status: 'created', createdAt: new Date() };
    await this.store.insert('order', id, saved);
    return saved;
  }

  async createLink(link: NewPaymentLink): Promise<FakePaymentLink> {
    checkAmount(link.amountPaise);
    const id = `plink_${base62(14)}`;
    const shortUrl = `https://rzp.io/i/${base62(10)}`;
    const saved: FakePaymentLink = {
      ...link,
      id,
      shortUrl,
      currency: 'INR',
      status: 'created',
      paymentId: null,
      createdAt: new Date(),
    };
    await this.store.insert('link', id, saved);
    return saved;
  }

  async order(id: string): Promise<FakeOrder | undefined> {
    const body = await this.store.read('order', id);
    return body === undefined ? undefined : asOrder(body);
  }

  async payment(id: string): Promise<FakePayment | undefined> {
    const body = await this.store.read('payment', id);
    return body === undefined ? undefined : asPayment(body);
  }

  /** A link as it stands (an open one past its expiry becomes expired), or undefined. */
  async findLink(id: string, now = new Date()): Promise<FakePaymentLink | undefined> {
    const body = await this.store.read('link', id);
    if (body === undefined) return undefined;
    const link = asLink(body);
    if (!isOver(link, now)) return link;
    return this.store.update('link', id, (current) => {
      const latest = asLink(current);
      if (isOver(latest, now)) latest.status = 'expired';
      return { body: latest, result: latest };
    });
  }

  async link(id: string, now = new Date()): Promise<FakePaymentLink> {
    const link = await this.findLink(id, now);
    if (!link) throw unknownId();
    return link;
  }

  async cancelLink(id: string): Promise<FakePaymentLink> {
    await this.link(id); // an expired link stays expired
    const cancelled = await this.store.update('link', id, (body) => {
      const link = asLink(body);
      if (link.status === 'paid') throw refuse('Payment link cannot be cancelled as it is already paid');
      if (link.status === 'created') link.status = 'cancelled';
      return { body: link, result: link };
    });
    return cancelled!;
  }

  /** A patient pays an order at the checkout. */
  async payOrder(orderId: string, method = 'upi'): Promise<FakePayment> {
    const order = await this.store.update('order', orderId, (body) => {
      const paid = { ...asOrder(body), status: 'paid' as const };
      return { body: paid, result: paid };
    });
    if (!order) throw unknownId();
    return this.newPayment({ orderId, linkId: null, amountPaise: order.amountPaise, method });
  }

  /** A patient pays a link. */
  async payLink(linkId: string, method = 'upi'): Promise<FakePayment> {
    const link = await this.link(linkId);
    if (link.status !== 'created') throw refuse(`Payment link is ${link.status}`);
    const payment = await this.newPayment({ orderId: null, linkId, amountPaise: link.amountPaise, method });
    await this.store.update('link', linkId, (body) => {
      const latest = asLink(body);
      if (latest.status !== 'created') throw refuse(`Payment link is ${latest.status}`);
      return { body: { ...latest, status: 'paid', paymentId: payment.id }, result: null };
    });
    return payment;
  }

  /** Full refunds only; asking again answers the refund already made. */
  async refund(paymentId: string, amountPaise: number): Promise<FakeRefund> {
    const refund = await this.store.update('payment', paymentId, (body) => {
      const payment = asPayment(body);
      const existing = payment.refunds[0];
      if (existing) return { body: payment, result: existing };
      if (amountPaise > payment.amountPaise) throw refuse('The refund amount exceeds the payment');
      const made: FakeRefund = { id: `rfnd_${base62(14)}`, paymentId, amountPaise, status: 'processed' };
      return { body: { ...payment, status: 'refunded', refunds: [made] }, result: made };
    });
    if (!refund) throw unknownId();
    return refund;
  }

  async refundsOf(paymentId: string): Promise<FakeRefund[]> {
    const payment = await this.payment(paymentId);
    if (!payment) throw unknownId();
    return payment.refunds;
  }

  private async newPayment(fields: Omit<FakePayment, 'id' | 'status' | 'refunds'>): Promise<FakePayment> {
    const payment: FakePayment = { ...fields, id: `pay_${base62(14)}`, status: 'captured', refunds: [] };
    await this.store.insert('payment', payment.id, payment);
    return payment;
  }
}

// Razorpay refuses anything but a positive whole number of paise; callers never ask for a zero fee.
function checkAmount(amountPaise: unknown): void {
  if (typeof amountPaise !== 'number' || !Number.isSafeInteger(amountPaise) || amountPaise <= 0) {
    throw refuse('The amount must be a positive whole number of paise');
  }
}
