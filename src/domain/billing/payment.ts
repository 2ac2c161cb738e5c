import { InvalidValueError } from '../shared/domain-error.js';
import type { PaymentEvent } from './payment-events.js';
import { mayMove, type PaymentState, type RefundReason } from './payment-status.js';

export interface PaymentOpening {
  appointmentId: number;
  patientId: number;
  centreId: number;
  /** The fee due, integer paise. */
  amountPaise: number;
}

export interface Capture {
  providerPaymentId: string;
  amountPaise: number;
  /** Razorpay's method (upi, card, netbanking…), when known. */
  method: string | null;
}

/** What a capture did: the first news of it, the same news again, or a capture that came too late. */
export type CaptureOutcome = 'captured' | 'repeated' | 'ignored';

/**
 * The fee of one appointment and what the provider told us about it. Its state only moves forward
 * along PAYMENT_TRANSITIONS; a stale or repeated event is a no-op, never an error, so webhooks may
 * arrive in any order and any number of times.
 */
export class Payment {
  id!: number;
  appointmentId!: number;
  patientId!: number;
  centreId!: number;
  amountPaise!: number;
  currency!: 'INR';
  status!: PaymentState;
  orderId!: string | null;
  linkId!: string | null;
  linkUrl!: string | null;
  linkExpiresAt!: Date | null;
  providerPaymentId!: string | null;
  method!: string | null;
  paidAt!: Date | null;
  failureReason!: string | null;
  refundId!: string | null;
  refundReason!: RefundReason | null;
  refundedAt!: Date | null;
  createdAt!: Date;
  updatedAt!: Date;

  /** Not persisted; created lazily because loaded entities never run field initialisers. */
  private pendingEvents?: PaymentEvent[];

  private constructor() {}

  static open(opening: PaymentOpening, now: Date): Payment {
    if (!Number.isSafeInteger(opening.amountPaise) || opening.amountPaise <= 0) {
      throw new InvalidValueError('amount', 'A payment is for a positive amount');
    }
    const p = new Payment();
    Object.assign(p, opening);
    p.currency = 'INR';
    p.status = 'PENDING';
    p.orderId = null;
    p.linkId = null;
    p.linkUrl = null;
    p.linkExpiresAt = null;
    p.providerPaymentId = null;
    p.method = null;
    p.paidAt = null;
    p.failureReason = null;
    p.refundId = null;
    p.refundReason = null;
    p.refundedAt = null;
    p.createdAt = now;
    p.updatedAt = now;
    return p;
  }

  isOpen(): boolean {
    return this.status === 'PENDING' || this.status === 'FAILED';
  }

  attachOrder(orderId: string, now: Date): void {
    this.orderId = orderId;
    this.updatedAt = now;
  }

  attachLink(link: { linkId: string; shortUrl: string; expiresAt: Date }, now: Date): void {
    this.linkId = link.linkId;
    this.linkUrl = link.shortUrl;
    this.linkExpiresAt = link.expiresAt;
    this.updatedAt = now;
    this.record({
      type: 'PaymentLinkCreated',
      appointmentId: this.appointmentId,
      linkId: link.linkId,
      shortUrl: link.shortUrl,
      amountPaise: this.amountPaise,
      expiresAt: link.expiresAt.toISOString(),
    });
  }

  capture(capture: Capture, now: Date): CaptureOutcome {
    if (this.providerPaymentId === capture.providerPaymentId) {
      // The same payment told again (verify, then the webhook): it may add the method.
      this.method ??= capture.method;
      return 'repeated';
    }
    if (!mayMove(this.status, 'PAID')) return 'ignored';
    this.status = 'PAID';
    this.providerPaymentId = capture.providerPaymentId;
    this.amountPaise = capture.amountPaise;
    this.method = capture.method;
    this.paidAt = now;
    this.failureReason = null;
    this.updatedAt = now;
    this.record({
      type: 'PaymentCaptured',
      appointmentId: this.appointmentId,
      providerPaymentId: capture.providerPaymentId,
      amountPaise: capture.amountPaise,
    });
    return 'captured';
  }

  /** An attempt failed; a late failure after the capture changes nothing. */
  fail(reason: string | null, now: Date): boolean {
    if (!this.isOpen()) return false;
    this.status = 'FAILED';
    this.failureReason = reason;
    this.updatedAt = now;
    return true;
  }

  /** We decided to give the money back; the provider is asked after this commits. */
  startRefund(reason: RefundReason, now: Date): boolean {
    if (!mayMove(this.status, 'REFUND_PENDING')) return false;
    this.status = 'REFUND_PENDING';
    this.refundReason = reason;
    this.updatedAt = now;
    return true;
  }

  /** The provider accepted the refund (from our request or from its webhook, whichever is first). */
  refundAccepted(refundId: string, now: Date): boolean {
    if (this.refundId !== null || (this.status !== 'REFUND_PENDING' && this.status !== 'REFUNDED')) {
      return false;
    }
    this.refundId = refundId;
    this.updatedAt = now;
    this.record({
      type: 'PaymentRefunded',
      appointmentId: this.appointmentId,
      refundId,
      amountPaise: this.amountPaise,
      reason: this.refundReason ?? 'CANCELLED',
    });
    return true;
  }

  /** refund.processed: the money is back with the patient. */
  refundProcessed(refundId: string, now: Date): boolean {
    if (!mayMove(this.status, 'REFUNDED')) return false;
    this.status = 'REFUNDED';
    this.refundedAt = now;
    this.updatedAt = now;
    this.refundAccepted(refundId, now);
    return true;
  }

  pullEvents(): PaymentEvent[] {
    const events = this.pendingEvents ?? [];
    this.pendingEvents = [];
    return events;
  }

  private record(event: PaymentEvent): void {
    this.pendingEvents = [...(this.pendingEvents ?? []), event];
  }
}
