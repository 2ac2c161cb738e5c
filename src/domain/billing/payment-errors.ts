import { DomainError } from '../shared/domain-error.js';

/** A checkout or payment-link signature that does not match (CONTRACT.md): 400, nothing changes. */
export class PaymentSignatureError extends DomainError {
  constructor() {
    super('PAYMENT_FAILED', 'Payment verification failed');
  }
}

/** A webhook whose X-Razorpay-Signature does not match its raw body: 400, nothing changes. */
export class WebhookSignatureError extends DomainError {
  constructor() {
    super('INVALID_SIGNATURE', 'Invalid webhook signature');
  }
}
