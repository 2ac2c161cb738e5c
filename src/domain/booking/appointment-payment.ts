import { refused } from './appointment-rules.js';
import {
  InvalidStateTransitionError,
  type AppointmentStatus,
  type PaymentStatus,
} from './appointment-status.js';

/**
 * Where an appointment's fee stands, and the changes billing may make to it. Checked here, in one
 * place; each function throws when the change is refused and answers whether anything changes (false:
 * the news was heard before, as a repeated webhook is).
 */

/** Still to be paid: nothing paid yet, or the last attempt failed. */
export function isFeeDue(paymentStatus: PaymentStatus): boolean {
  return paymentStatus === 'PENDING' || paymentStatus === 'FAILED';
}

export function checkFeeDue(paymentStatus: PaymentStatus): void {
  if (!isFeeDue(paymentStatus)) {
    throw refused(paymentStatus, paymentStatus, 'No payment is due for this appointment');
  }
}

/** A capture confirms the fee; a cancelled appointment is reinstated or refunded by billing instead. */
export function checkPaid(status: AppointmentStatus, paymentStatus: PaymentStatus): void {
  if (status === 'CANCELLED') {
    throw refused(status, 'PAID', 'A cancelled appointment cannot be paid; reinstate or refund it');
  }
  if (!isFeeDue(paymentStatus)) throw new InvalidStateTransitionError(paymentStatus, 'PAID');
}

/** An attempt failed: only a fee still due can fail, and failing again changes nothing. */
export function paymentFails(paymentStatus: PaymentStatus): boolean {
  if (!isFeeDue(paymentStatus)) throw new InvalidStateTransitionError(paymentStatus, 'FAILED');
  return paymentStatus !== 'FAILED';
}

/**
 * The money went back. A paid fee is refunded; so is money captured only after the appointment was
 * cancelled (billing refunds it without ever marking the fee paid, so it is still due here).
 */
export function paymentRefunds(status: AppointmentStatus, paymentStatus: PaymentStatus): boolean {
  if (paymentStatus === 'REFUNDED') return false;
  if (paymentStatus === 'PAID' || (status === 'CANCELLED' && isFeeDue(paymentStatus))) return true;
  throw new InvalidStateTransitionError(paymentStatus, 'REFUNDED');
}
