import { randomInt } from 'node:crypto';
import type {
  NewOrder,
  NewPaymentLink,
  PaymentLinkStatus,
} from '../../../application/billing/ports/payment-gateway.js';
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

/**
 * Razorpay's side of things, kept in memory: what the fake gateway works on directly and what the
 * test stub serves over HTTP to the real adapter, so both meet the same provider. Refusals are the
 * 400s Razorpay answers (unknown ids, a paid link cancelled, a refund beyond the payment).
 */
export class FakeRazorpayLedger {
  readonly orders = new Map<string, FakeOrder>();
  readonly links = new Map<string, FakePaymentLink>();
  readonly payments = new Map<string, FakePayment>();

  createOrder(order: NewOrder): FakeOrder {
    checkAmount(order.amountPaise);
    const id = `order_${base62(14)}`;
    const saved: FakeOrder = { ...order, id, currency: 'INR', status: 'created', createdAt: new Date() };
    this.orders.set(id, saved);
    return saved;
  }

  createLink(link: NewPaymentLink): FakePaymentLink {
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
    this.links.set(id, saved);
    return saved;
  }

  link(id: string, now = new Date()): FakePaymentLink {
    const link = this.links.get(id);
    if (!link) throw refuse('The id provided does not exist');
    if (link.status === 'created' && link.expireBy.getTime() <= now.getTime()) link.status = 'expired';
    return link;
  }

  cancelLink(id: string): FakePaymentLink {
    const link = this.link(id);
    if (link.status === 'paid') throw refuse('Payment link cannot be cancelled as it is already paid');
    if (link.status === 'created') link.status = 'cancelled';
    return link;
  }

  /** A patient pays an order at the checkout. */
  payOrder(orderId: string, method = 'upi'): FakePayment {
    const order = this.orders.get(orderId);
    if (!order) throw refuse('The id provided does not exist');
    order.status = 'paid';
    return this.newPayment({ orderId, linkId: null, amountPaise: order.amountPaise, method });
  }

  /** A patient pays a link. */
  payLink(linkId: string, method = 'upi'): FakePayment {
    const link = this.link(linkId);
    if (link.status !== 'created') throw refuse(`Payment link is ${link.status}`);
    const payment = this.newPayment({ orderId: null, linkId, amountPaise: link.amountPaise, method });
    link.status = 'paid';
    link.paymentId = payment.id;
    return payment;
  }

  /** Full refunds only; asking again answers the refund already made. */
  refund(paymentId: string, amountPaise: number): FakeRefund {
    const payment = this.payments.get(paymentId);
    if (!payment) throw refuse('The id provided does not exist');
    const existing = payment.refunds[0];
    if (existing) return existing;
    if (amountPaise > payment.amountPaise) throw refuse('The refund amount exceeds the payment');
    const refund: FakeRefund = { id: `rfnd_${base62(14)}`, paymentId, amountPaise, status: 'processed' };
    payment.refunds.push(refund);
    payment.status = 'refunded';
    return refund;
  }

  refundsOf(paymentId: string): FakeRefund[] {
    const payment = this.payments.get(paymentId);
    if (!payment) throw refuse('The id provided does not exist');
    return payment.refunds;
  }

  private newPayment(fields: Omit<FakePayment, 'id' | 'status' | 'refunds'>): FakePayment {
    const payment: FakePayment = { ...fields, id: `pay_${base62(14)}`, status: 'captured', refunds: [] };
    this.payments.set(payment.id, payment);
    return payment;
  }
}

// Razorpay refuses anything but a positive whole number of paise; callers never ask for a zero fee.
function checkAmount(amountPaise: unknown): void {
  if (typeof amountPaise !== 'number' || !Number.isSafeInteger(amountPaise) || amountPaise <= 0) {
    throw refuse('The amount must be a positive whole number of paise');
  }
}
