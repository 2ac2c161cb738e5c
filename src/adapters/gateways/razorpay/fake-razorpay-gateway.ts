import { randomInt } from 'node:crypto';
import type {
  NewOrder,
  NewPaymentLink,
  PaymentGateway,
} from '../../../application/billing/ports/payment-gateway.js';
import { GatewayUnavailableError } from '../../../application/shared/app-errors.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Razorpay's id shape: a prefix and 14 base62 characters (`order_IluGWxBm9U8zJ8`). */
function base62(length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += BASE62[randomInt(BASE62.length)];
  return out;
}

export interface FakeOrder extends NewOrder {
  id: string;
  currency: 'INR';
  status: 'created';
  createdAt: Date;
}

export interface FakePaymentLink extends NewPaymentLink {
  id: string;
  shortUrl: string;
  currency: 'INR';
  status: 'created';
  createdAt: Date;
}

/**
 * Stands in for Razorpay when no keys are configured: issues ids shaped like the real ones and keeps
 * what it created in memory. `failNext(n)` makes the next n calls fail as an unreachable provider would.
 */
export class FakeRazorpayGateway implements PaymentGateway {
  private readonly orders = new Map<string, FakeOrder>();
  private readonly links = new Map<string, FakePaymentLink>();
  private failures = 0;

  failNext(count = 1): void {
    this.failures = count;
  }

  async createOrder(order: NewOrder): Promise<{ orderId: string }> {
    this.checkAvailable();
    checkAmount(order.amountPaise);
    const id = `order_${base62(14)}`;
    this.orders.set(id, { ...order, id, currency: 'INR', status: 'created', createdAt: new Date() });
    return { orderId: id };
  }

  async createPaymentLink(link: NewPaymentLink): Promise<{ linkId: string; shortUrl: string }> {
    this.checkAvailable();
    checkAmount(link.amountPaise);
    const id = `plink_${base62(14)}`;
    const shortUrl = `https://rzp.io/i/${base62(10)}`;
    this.links.set(id, { ...link, id, shortUrl, currency: 'INR', status: 'created', createdAt: new Date() });
    return { linkId: id, shortUrl };
  }

  order(id: string): FakeOrder | undefined {
    return this.orders.get(id);
  }

  paymentLink(id: string): FakePaymentLink | undefined {
    return this.links.get(id);
  }

  private checkAvailable(): void {
    if (this.failures <= 0) return;
    this.failures -= 1;
    throw new GatewayUnavailableError('Payment provider');
  }
}

// Razorpay refuses anything but a positive whole number of paise; callers never ask for a zero fee.
function checkAmount(amountPaise: number): void {
  if (!Number.isSafeInteger(amountPaise) || amountPaise <= 0) {
    throw new RangeError(`amount must be a positive whole number of paise, got ${amountPaise}`);
  }
}
