import { DomainError } from '../../../domain/shared/domain-error.js';

/** Amounts are integer paise, as the provider takes them. */
export interface NewOrder {
  amountPaise: number;
  /** Our reference for the order (at most 40 characters, as Razorpay allows). */
  receipt: string;
  notes: Record<string, string>;
}

export interface NewPaymentLink {
  amountPaise: number;
  /** Ties the link back to us: the appointment id (Razorpay signs it into the callback). */
  referenceId: string;
  description: string;
  customer: { name: string; phone: string };
  expireBy: Date;
}

export type PaymentLinkStatus = 'created' | 'partially_paid' | 'paid' | 'expired' | 'cancelled';

export interface PaymentLinkState {
  linkId: string;
  referenceId: string;
  status: PaymentLinkStatus;
  amountPaise: number;
  amountPaidPaise: number;
  /** The payment that paid it, once paid. */
  paymentId: string | null;
  method: string | null;
}

/** What Razorpay appends to a payment link's callback URL (all four are signed). */
export interface PaymentLinkCallback {
  linkId: string;
  referenceId: string;
  status: string;
  paymentId: string;
}

/**
 * The provider answered, and said no (a 4xx: unknown id, a link already paid, a refund too large).
 * Retrying cannot help, so it is never retried.
 */
export class PaymentGatewayRefusal extends DomainError {
  constructor(
    readonly status: number,
    readonly providerCode: string,
    description: string,
  ) {
    super('PAYMENT_FAILED', `Payment provider refused: ${description}`);
  }
}

/**
 * The payment provider (Razorpay, or its fake). A failure to reach it or a 5xx answer is retried a few
 * times, then throws `GatewayUnavailableError('Payment provider')`; a 4xx throws `PaymentGatewayRefusal`.
 * Signature checks follow Razorpay's formulas (CONTRACT.md, Signatures) and are timing-safe.
 */
export interface PaymentGateway {
  /** The public key the checkout needs (`razorpayKeyId`). */
  readonly keyId: string;
  createOrder(order: NewOrder): Promise<{ orderId: string }>;
  createPaymentLink(link: NewPaymentLink): Promise<{ linkId: string; shortUrl: string }>;
  fetchPaymentLink(linkId: string): Promise<PaymentLinkState>;
  /** Cancelling a link that is already cancelled or expired is done, not an error. */
  cancelPaymentLink(linkId: string): Promise<void>;
  /**
   * Refunds a captured payment in full. Idempotent: a payment already refunded answers that refund,
   * so a job run twice never refunds twice.
   */
  refundPayment(paymentId: string, amountPaise: number): Promise<{ refundId: string }>;
  isCheckoutSignatureValid(orderId: string, paymentId: string, signature: string): boolean;
  isPaymentLinkSignatureValid(callback: PaymentLinkCallback, signature: string): boolean;
  isWebhookSignatureValid(rawBody: string, signature: string): boolean;
}
