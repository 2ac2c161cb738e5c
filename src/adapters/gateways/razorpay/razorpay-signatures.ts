import { createHmac, timingSafeEqual } from 'node:crypto';
import type { PaymentLinkCallback } from '../../../application/billing/ports/payment-gateway.js';

export interface RazorpayKeys {
  keyId: string;
  keySecret: string;
  webhookSecret: string;
}

/**
 * Razorpay's three signatures (CONTRACT.md, Signatures), shared by the real adapter and the fake so
 * both accept exactly the same. The SDK's own helpers compare with `===`; these never leak timing.
 */
export class RazorpaySignatures {
  constructor(private readonly keys: RazorpayKeys) {}

  checkout(orderId: string, paymentId: string): string {
    return hmac(this.keys.keySecret, `${orderId}|${paymentId}`);
  }

  paymentLink(callback: PaymentLinkCallback): string {
    const { linkId, referenceId, status, paymentId } = callback;
    return hmac(this.keys.keySecret, `${linkId}|${referenceId}|${status}|${paymentId}`);
  }

  webhook(rawBody: string): string {
    return hmac(this.keys.webhookSecret, rawBody);
  }

  isCheckoutSignatureValid(orderId: string, paymentId: string, signature: string): boolean {
    return sameHex(this.checkout(orderId, paymentId), signature);
  }

  isPaymentLinkSignatureValid(callback: PaymentLinkCallback, signature: string): boolean {
    return sameHex(this.paymentLink(callback), signature);
  }

  isWebhookSignatureValid(rawBody: string, signature: string): boolean {
    return sameHex(this.webhook(rawBody), signature);
  }
}

function hmac(secret: string, text: string): string {
  return createHmac('sha256', secret).update(text, 'utf8').digest('hex');
}

function sameHex(expected: string, given: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(given)) return false;
  return timingSafeEqual(Buffer.from(expected, 'hex'), Buffer.from(given.toLowerCase(), 'hex'));
}
