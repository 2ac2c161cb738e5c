import Razorpay from 'razorpay';
import {
  PaymentGatewayRefusal,
  type NewOrder,
  type NewPaymentLink,
  type PaymentGateway,
  type PaymentLinkCallback,
  type PaymentLinkState,
  type PaymentLinkStatus,
} from '../../../application/billing/ports/payment-gateway.js';
import type { RetryPolicy } from '../retry-transient.js';
import { DEFAULT_RETRIES, ProviderFailure, withRetries } from './provider-retries.js';
import { RazorpaySignatures, type RazorpayKeys } from './razorpay-signatures.js';

type Json = Record<string, unknown>;

/** The few SDK calls used here, typed by what Razorpay answers (its own typings are far wider). */
interface RazorpayClient {
  api: { rq: { defaults: { baseURL?: string; timeout?: number } } };
  orders: { create(body: Json): Promise<Json> };
  paymentLink: {
    create(body: Json): Promise<Json>;
    fetch(id: string): Promise<Json>;
    cancel(id: string): Promise<Json>;
  };
  payments: {
    refund(id: string, body: Json): Promise<Json>;
    fetchMultipleRefund(id: string, params?: Json): Promise<{ items: Json[] }>;
  };
}

export interface RazorpaySdkOptions {
  /** Razorpay's API unless a test points the SDK at a local stub. */
  baseUrl?: string;
  timeoutMs?: number;
  retries?: RetryPolicy;
}

/** Razorpay through its official SDK; every call retried on 5xx or no answer, never on 4xx. */
export class RazorpaySdkGateway implements PaymentGateway {
  readonly keyId: string;
  private readonly client: RazorpayClient;
  private readonly signatures: RazorpaySignatures;
  private readonly retries: RetryPolicy;

  constructor(keys: RazorpayKeys, options: RazorpaySdkOptions = {}) {
    this.keyId = keys.keyId;
    this.signatures = new RazorpaySignatures(keys);
    this.retries = options.retries ?? DEFAULT_RETRIES;
    this.client = new Razorpay({
      key_id: keys.keyId,
      key_secret: keys.keySecret,
    }) as unknown as RazorpayClient;
    if (options.baseUrl) this.client.api.rq.defaults.baseURL = options.baseUrl;
    this.client.api.rq.defaults.timeout = options.timeoutMs ?? 10_000;
  }

  async createOrder(order: NewOrder): Promise<{ orderId: string }> {
    const body = { amount: order.amountPaise, currency: 'INR', receipt: order.receipt, notes: order.notes };
    const created = await this.call(() => this.client.orders.create(body));
    return { orderId: String(created.id) };
  }

  async createPaymentLink(link: NewPaymentLink): Promise<{ linkId: string; shortUrl: string }> {
    const body = {
      amount: link.amountPaise,
      currency: 'INR',
      reference_id: link.referenceId,
      description: link.description,
      customer: { name: link.customer.name, contact: link.customer.phone },
      expire_by: Math.floor(link.expireBy.getTime() / 1000),
      // We send the link on WhatsApp ourselves.
      notify: { sms: false, email: false },
      reminder_enable: false,
    };
    const created = await this.call(() => this.client.paymentLink.create(body));
    return { linkId: String(created.id), shortUrl: String(created.short_url) };
  }

  async fetchPaymentLink(linkId: string): Promise<PaymentLinkState> {
    const link = await this.call(() => this.client.paymentLink.fetch(linkId));
    const payments = Array.isArray(link.payments) ? (link.payments as Json[]) : [];
    const paid = payments.find((p) => p.status === 'captured') ?? payments[0];
    return {
      linkId: String(link.id),
      referenceId: String(link.reference_id ?? ''),
      status: link.status as PaymentLinkStatus,
      amountPaise: Number(link.amount),
      amountPaidPaise: Number(link.amount_paid ?? 0),
      paymentId: paid ? String(paid.payment_id) : null,
      method: paid?.method ? String(paid.method) : null,
    };
  }

  async cancelPaymentLink(linkId: string): Promise<void> {
    const link = await this.call(() => this.client.paymentLink.fetch(linkId));
    if (link.status === 'paid') {
      throw new PaymentGatewayRefusal(400, 'BAD_REQUEST_ERROR', 'Payment link is already paid');
    }
    // Already over: Razorpay refuses to cancel it again, and there is nothing left to stop.
    if (link.status !== 'created' && link.status !== 'partially_paid') return;
    await this.call(() => this.client.paymentLink.cancel(linkId));
  }

  async refundPayment(paymentId: string, amountPaise: number): Promise<{ refundId: string }> {
    // Asked again after a crash: the refund made the first time is the answer.
    const earlier = await this.call(() => this.client.payments.fetchMultipleRefund(paymentId));
    const existing = earlier.items[0];
    if (existing) return { refundId: String(existing.id) };
    const refund = await this.call(() =>
      this.client.payments.refund(paymentId, { amount: amountPaise, speed: 'normal' }),
    );
    return { refundId: String(refund.id) };
  }

  isCheckoutSignatureValid(orderId: string, paymentId: string, signature: string): boolean {
    return this.signatures.isCheckoutSignatureValid(orderId, paymentId, signature);
  }

  isPaymentLinkSignatureValid(callback: PaymentLinkCallback, signature: string): boolean {
    return this.signatures.isPaymentLinkSignatureValid(callback, signature);
  }

  isWebhookSignatureValid(rawBody: string, signature: string): boolean {
    return this.signatures.isWebhookSignatureValid(rawBody, signature);
  }

  private call<T>(request: () => Promise<T>): Promise<T> {
    return withRetries(this.retries, () =>
      request().catch((error: unknown) => Promise.reject(failureOf(error))),
    );
  }
}

/** The SDK rejects with `{ statusCode, error }` for an answer, and with anything else for no answer. */
function failureOf(error: unknown): ProviderFailure {
  const { statusCode, error: body } = (error ?? {}) as { statusCode?: unknown; error?: Json };
  if (typeof statusCode !== 'number') return new ProviderFailure(null);
  return new ProviderFailure(
    statusCode,
    String(body?.code ?? 'SERVER_ERROR'),
    String(body?.description ?? 'no description'),
  );
}
