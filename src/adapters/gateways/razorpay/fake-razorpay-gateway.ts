import { randomBytes } from 'node:crypto';
import type {
  NewOrder,
  NewPaymentLink,
  PaymentGateway,
  PaymentLinkCallback,
  PaymentLinkState,
} from '../../../application/billing/ports/payment-gateway.js';
import { GatewayUnavailableError } from '../../../application/shared/app-errors.js';
import {
  base62,
  FakeRazorpayLedger,
  type FakeOrder,
  type FakePayment,
  type FakePaymentLink,
} from './fake-razorpay-ledger.js';
import type { RetryPolicy } from '../retry-transient.js';
import { ProviderFailure, withRetries } from './provider-retries.js';
import { RazorpaySignatures, type RazorpayKeys } from './razorpay-signatures.js';

export type { FakeOrder, FakePaymentLink } from './fake-razorpay-ledger.js';

/** Keys for a fake that nobody outside this process needs to know (tests, one-off tools). */
export function throwawayRazorpayKeys(): RazorpayKeys {
  return {
    keyId: `rzp_test_${base62(14)}`,
    keySecret: randomBytes(24).toString('base64url'),
    webhookSecret: randomBytes(24).toString('base64url'),
  };
}

/**
 * Stands in for Razorpay when no keys are configured: issues ids shaped like the real ones, keeps
 * what it created in its ledger (the database when wired, so every process agrees) and checks signatures exactly as Razorpay does (with its own secrets).
 * `failNext(n)` makes the next n calls fail as an unreachable provider would; `outage(n)` fails the
 * next n attempts only, which the gateway retries like the real adapter does.
 */
export class FakeRazorpayGateway implements PaymentGateway {
  readonly signatures: RazorpaySignatures;
  readonly keyId: string;
  /** Attempts made, failed ones included (the contract test counts retries). */
  attempts = 0;
  private failures = 0;
  private transientFailures = 0;

  constructor(
    readonly keys: RazorpayKeys = throwawayRazorpayKeys(),
    private readonly retries: RetryPolicy = { tries: 3, delaysMs: [0] },
    readonly ledger: FakeRazorpayLedger = new FakeRazorpayLedger(),
  ) {
    this.signatures = new RazorpaySignatures(keys);
    this.keyId = keys.keyId;
  }

  failNext(count = 1): void {
    this.failures = count;
  }

  outage(attempts: number): void {
    this.transientFailures = attempts;
  }

  createOrder(order: NewOrder): Promise<{ orderId: string }> {
    return this.call(async () => ({ orderId: (await this.ledger.createOrder(order)).id }));
  }

  createPaymentLink(link: NewPaymentLink): Promise<{ linkId: string; shortUrl: string }> {
    return this.call(async () => {
      const saved = await this.ledger.createLink(link);
      return { linkId: saved.id, shortUrl: saved.shortUrl };
    });
  }

  fetchPaymentLink(linkId: string): Promise<PaymentLinkState> {
    return this.call(async () => {
      const link = await this.ledger.link(linkId);
      const payment = link.paymentId ? await this.ledger.payment(link.paymentId) : undefined;
      return {
        linkId: link.id,
        referenceId: link.referenceId,
        status: link.status,
        amountPaise: link.amountPaise,
        amountPaidPaise: payment?.amountPaise ?? 0,
        paymentId: payment?.id ?? null,
        method: payment?.method ?? null,
      };
    });
  }

  cancelPaymentLink(linkId: string): Promise<void> {
    return this.call(async () => {
      await this.ledger.cancelLink(linkId);
    });
  }

  refundPayment(paymentId: string, amountPaise: number): Promise<{ refundId: string }> {
    return this.call(async () => ({ refundId: (await this.ledger.refund(paymentId, amountPaise)).id }));
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

  order(id: string): Promise<FakeOrder | undefined> {
    return this.ledger.order(id);
  }

  paymentLink(id: string): Promise<FakePaymentLink | undefined> {
    return this.ledger.findLink(id);
  }

  payment(id: string): Promise<FakePayment | undefined> {
    return this.ledger.payment(id);
  }

  /** A patient pays at the checkout: the ids and signature the checkout hands the client. */
  async payOrder(orderId: string, method = 'upi'): Promise<{ paymentId: string; signature: string }> {
    const payment = await this.ledger.payOrder(orderId, method);
    return { paymentId: payment.id, signature: this.signatures.checkout(orderId, payment.id) };
  }

  /** A patient pays a link: the query parameters Razorpay adds to the callback URL. */
  async payLink(linkId: string, method = 'upi'): Promise<Record<string, string>> {
    const payment = await this.ledger.payLink(linkId, method);
    const link = await this.ledger.link(linkId);
    const callback = { linkId, referenceId: link.referenceId, status: 'paid', paymentId: payment.id };
    return {
      razorpay_payment_id: payment.id,
      razorpay_payment_link_id: linkId,
      razorpay_payment_link_reference_id: link.referenceId,
      razorpay_payment_link_status: 'paid',
      razorpay_signature: this.signatures.paymentLink(callback),
    };
  }

  private call<T>(work: () => Promise<T>): Promise<T> {
    if (this.failures > 0) {
      this.failures -= 1;
      return Promise.reject(new GatewayUnavailableError('Payment provider'));
    }
    return withRetries(this.retries, async () => {
      this.attempts += 1;
      if (this.transientFailures > 0) {
        this.transientFailures -= 1;
        throw new ProviderFailure(503);
      }
      return await work();
    });
  }
}
