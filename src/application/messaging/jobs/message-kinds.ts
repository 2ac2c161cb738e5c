import {
  cancellationMessage,
  confirmationMessage,
  paymentLinkMessage,
  refundMessage,
  reminderMessage,
} from '../../../domain/messaging/templates.js';
import type { AppointmentMessageContext } from '../ports/message-context-reads.js';
import type { MessageKind } from './appointment-message-job.js';

export const JOB = {
  confirmation: 'messaging.confirmation',
  reminder: 'messaging.reminder',
  cancellation: 'messaging.cancellation',
  paymentLink: 'messaging.payment-link',
  refund: 'messaging.refund',
  deliver: 'messaging.deliver',
} as const;

/** Still confirmed at the start the job was made for (a reschedule makes new jobs for the new start). */
function confirmedAt(context: AppointmentMessageContext, startAt: unknown): boolean {
  return (
    context.status === 'CONFIRMED' &&
    typeof startAt === 'string' &&
    context.startAt.getTime() === new Date(startAt).getTime()
  );
}

const meetLinkIfOnline = (context: AppointmentMessageContext, meetLink: () => Promise<string | null>) =>
  context.facts.sessionType === 'ONLINE' ? meetLink() : Promise.resolve(null);

export const MESSAGE_KINDS: readonly MessageKind[] = [
  {
    name: JOB.confirmation,
    compose: async (context, payload, { meetLink }) =>
      confirmedAt(context, payload.startAt)
        ? confirmationMessage(context.facts, await meetLinkIfOnline(context, meetLink))
        : null,
  },
  {
    name: JOB.reminder,
    // A reminder that comes due only after the start (a worker was down) would only confuse.
    compose: async (context, payload, { now, meetLink }) =>
      confirmedAt(context, payload.startAt) && now < context.startAt
        ? reminderMessage(context.facts, await meetLinkIfOnline(context, meetLink))
        : null,
  },
  {
    name: JOB.cancellation,
    compose: (context) =>
      Promise.resolve(context.status === 'CANCELLED' ? cancellationMessage(context.facts) : null),
  },
  {
    name: JOB.paymentLink,
    // Once paid, confirmed or cancelled, a link to pay would be wrong.
    compose: (context, payload) =>
      Promise.resolve(
        context.status === 'PENDING' && typeof payload.shortUrl === 'string'
          ? paymentLinkMessage(context.facts, {
              url: payload.shortUrl,
              amountPaise: Number(payload.amountPaise),
            })
          : null,
      ),
  },
  {
    name: JOB.refund,
    compose: (context, payload) => Promise.resolve(refundMessage(context.facts, Number(payload.amountPaise))),
  },
];
