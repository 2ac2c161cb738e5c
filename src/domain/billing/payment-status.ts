/**
 * A payment's life: due (PENDING), an attempt failed (FAILED, may still be paid), captured (PAID),
 * a refund under way (REFUND_PENDING), refunded (REFUNDED). Razorpay delivers events late, twice and
 * out of order, so a payment only ever moves forward: an event that would move it back changes nothing.
 */
export const PAYMENT_STATES = ['PENDING', 'FAILED', 'PAID', 'REFUND_PENDING', 'REFUNDED'] as const;
export type PaymentState = (typeof PAYMENT_STATES)[number];

/** Every change a payment may make; anything else is ignored as stale or repeated news. */
export const PAYMENT_TRANSITIONS: Readonly<Record<PaymentState, readonly PaymentState[]>> = {
  PENDING: ['FAILED', 'PAID'],
  // A failed attempt does not end the payment: the patient may try again and succeed.
  FAILED: ['PAID'],
  // refund.processed may arrive before our own record of asking for the refund.
  PAID: ['REFUND_PENDING', 'REFUNDED'],
  REFUND_PENDING: ['REFUNDED'],
  REFUNDED: [],
};

/** The order of the states: every allowed transition goes up it. */
export function rankOf(state: PaymentState): number {
  return PAYMENT_STATES.indexOf(state);
}

export function mayMove(from: PaymentState, to: PaymentState): boolean {
  return PAYMENT_TRANSITIONS[from].includes(to);
}

/** Why a refund is made (PaymentRefunded's reason). */
export type RefundReason = 'CANCELLED' | 'SLOT_TAKEN';
