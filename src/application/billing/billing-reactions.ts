import type { AppointmentEvent } from '../../domain/booking/appointment-events.js';
import { PAYMENT_TIMEOUT } from '../../domain/booking/appointment-status.js';
import { reactTo, type Reaction } from '../shared/reactions.js';
import { cancelLinkJob, expireHoldJob, refundJob } from './billing-jobs.js';

/** What billing does after an appointment changes: time its hold out, refund it, stop its link. */
export const billingReactions: readonly Reaction[] = [
  reactTo<AppointmentEvent, 'AppointmentBooked'>('AppointmentBooked', (e) =>
    e.holdExpiresAt ? [expireHoldJob(e.appointmentId, e.holdExpiresAt)] : [],
  ),
  reactTo<AppointmentEvent, 'AppointmentCancelled'>('AppointmentCancelled', (e) => {
    if (e.reason === PAYMENT_TIMEOUT) return [cancelLinkJob(e.appointmentId)];
    // Cancelling a PAID appointment refunds it in full (the cut-offs were checked by the cancel). An
    // unpaid one gets the job too: a capture may have committed while the cancel was under way, and
    // the job, reading the payment after both, refunds only what was captured.
    return e.paymentStatus === 'WAIVED' ? [] : [refundJob(e.appointmentId, 'CANCELLED', 'cancelled')];
  }),
];
