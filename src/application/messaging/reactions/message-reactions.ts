import type { AppointmentEvent } from '../../../domain/booking/appointment-events.js';
import { PAYMENT_TIMEOUT } from '../../../domain/booking/appointment-status.js';
import type { PaymentEvent } from '../../../domain/billing/payment-events.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { Job } from '../../shared/ports/outbox.js';
import { reactTo, type Reaction } from '../../shared/reactions.js';
import { JOB } from '../jobs/message-kinds.js';

/** `86400` → `24h`: the offset as operators wrote it, for readable job keys. */
export function offsetLabel(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

/**
 * A confirmation and one reminder per offset for a confirmed start. Keys carry the start, so a
 * reschedule makes new jobs and the old ones find the appointment moved and do nothing.
 */
function confirmedJobs(appointmentId: number, startAt: string, offsets: readonly number[], now: Date): Job[] {
  const start = new Date(startAt);
  const iso = start.toISOString();
  const payload = { appointmentId, startAt: iso };
  const jobs: Job[] = [
    { name: JOB.confirmation, key: `${JOB.confirmation}:${appointmentId}:${iso}`, payload },
  ];
  for (const offset of offsets) {
    const runAt = new Date(start.getTime() - offset * 1000);
    if (runAt <= now) continue;
    const label = offsetLabel(offset);
    jobs.push({
      name: JOB.reminder,
      key: `${JOB.reminder}:${appointmentId}:${label}:${iso}`,
      payload: { ...payload, offset: label },
      runAt,
    });
  }
  return jobs;
}

/** What messaging does when appointments and payments change; the message jobs re-check on running. */
export function messageReactions(clock: Clock, reminderOffsetsSeconds: readonly number[]): Reaction[] {
  return [
    reactTo<AppointmentEvent, 'AppointmentConfirmed'>('AppointmentConfirmed', (e) =>
      confirmedJobs(e.appointmentId, e.startAt, reminderOffsetsSeconds, clock.now()),
    ),
    reactTo<AppointmentEvent, 'AppointmentRescheduled'>('AppointmentRescheduled', (e) =>
      e.status === 'CONFIRMED'
        ? confirmedJobs(e.appointmentId, e.startAt, reminderOffsetsSeconds, clock.now())
        : [],
    ),
    reactTo<AppointmentEvent, 'AppointmentCancelled'>('AppointmentCancelled', (e) =>
      // A hold that ran out was never a confirmed visit: nothing to tell.
      e.reason === PAYMENT_TIMEOUT
        ? []
        : [
            {
              name: JOB.cancellation,
              key: `${JOB.cancellation}:${e.appointmentId}`,
              payload: { appointmentId: e.appointmentId },
            },
          ],
    ),
    reactTo<PaymentEvent, 'PaymentLinkCreated'>('PaymentLinkCreated', (e) => [
      {
        name: JOB.paymentLink,
        key: `${JOB.paymentLink}:${e.appointmentId}:${e.linkId}`,
        payload: { appointmentId: e.appointmentId, shortUrl: e.shortUrl, amountPaise: e.amountPaise },
      },
    ]),
    reactTo<PaymentEvent, 'PaymentRefunded'>('PaymentRefunded', (e) => [
      {
        name: JOB.refund,
        key: `${JOB.refund}:${e.appointmentId}:${e.refundId}`,
        payload: { appointmentId: e.appointmentId, amountPaise: e.amountPaise },
      },
    ]),
  ];
}
