import type { Appointment } from '../../domain/booking/appointment.js';
import { InvalidValueError } from '../../domain/shared/domain-error.js';
import { paiseToRupees, rupeesToPaise } from '../../domain/shared/money.js';
import { ConflictError } from '../shared/app-errors.js';

/**
 * An appointment takes a payment while its fee is unpaid and it is still on (PENDING, or CONFIRMED to
 * pay at the centre); the amount asked must be that fee exactly (CONTRACT.md: else 400).
 */
export function checkFeeDue(appointment: Appointment, amountRupees: number | undefined): void {
  const open = appointment.status === 'PENDING' || appointment.status === 'CONFIRMED';
  const unpaid = appointment.paymentStatus === 'PENDING' || appointment.paymentStatus === 'FAILED';
  if (!open || !unpaid || appointment.feePaise <= 0) {
    throw new ConflictError('INVALID_STATE_TRANSITION', 'No payment is due for this appointment', {
      status: appointment.status,
      paymentStatus: appointment.paymentStatus,
    });
  }
  if (amountRupees !== undefined && rupeesToPaise(amountRupees) !== appointment.feePaise) {
    throw new InvalidValueError('amount', `Must be the fee due (${paiseToRupees(appointment.feePaise)})`);
  }
}
