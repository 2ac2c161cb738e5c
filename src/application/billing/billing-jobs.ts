import type { Job } from '../shared/ports/outbox.js';
import type { RefundReason } from '../../domain/billing/payment-status.js';

/** Billing's job names and keys in one place (keys are unique forever: each names its work fully). */
export const BillingJobs = {
  expireHold: 'billing.expire-hold',
  refund: 'billing.refund',
  cancelLink: 'billing.cancel-link',
  refundExtra: 'billing.refund-extra',
} as const;

export function expireHoldJob(appointmentId: number, holdExpiresAt: string): Job {
  return {
    name: BillingJobs.expireHold,
    key: `${BillingJobs.expireHold}:${appointmentId}:${holdExpiresAt}`,
    payload: { appointmentId },
    runAt: new Date(holdExpiresAt),
  };
}

/** `cause` tells one refund from another: the cancellation, or the late payment's provider id. */
export function refundJob(appointmentId: number, reason: RefundReason, cause: string): Job {
  return {
    name: BillingJobs.refund,
    key: `${BillingJobs.refund}:${appointmentId}:${cause}`,
    payload: { appointmentId, reason },
  };
}

export function cancelLinkJob(appointmentId: number): Job {
  return {
    name: BillingJobs.cancelLink,
    key: `${BillingJobs.cancelLink}:${appointmentId}`,
    payload: { appointmentId },
  };
}

/** A second payment for a fee already paid (the order and the link both paid): it goes back. */
export function refundExtraJob(providerPaymentId: string, amountPaise: number): Job {
  return {
    name: BillingJobs.refundExtra,
    key: `${BillingJobs.refundExtra}:${providerPaymentId}`,
    payload: { providerPaymentId, amountPaise },
  };
}
