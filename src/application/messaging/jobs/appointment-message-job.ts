import type { ComposedMessage } from '../../../domain/messaging/templates.js';
import type { JobHandler, JobRun } from '../../shared/ports/job-handler.js';
import type { JsonObject } from '../../shared/ports/outbox.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { NotificationDelivery } from '../notification-delivery.js';
import type { NotificationLedger } from '../ports/notification-ledger.js';
import type { AppointmentMessageContext, MessageContextReads } from '../ports/message-context-reads.js';
import type { MessageMeetingLinks } from './message-meeting-links.js';

/** What one kind of automatic message does with the appointment as it is now. */
export interface MessageKind {
  /** The job's name (`messaging.confirmation`, …). */
  name: string;
  /** The message, or null when it is no longer relevant (cancelled, moved, already started). */
  compose(
    context: AppointmentMessageContext,
    payload: JsonObject,
    tools: { now: Date; meetLink: () => Promise<string | null> },
  ): Promise<ComposedMessage | null>;
}

/**
 * Runs an automatic message: re-reads the appointment, composes from what is true now, records the
 * message once under the job's key (the row is the message's identity: a retry, a restart or a second
 * worker finds the same row) and sends it through the one delivery path.
 */
export class AppointmentMessageJob implements JobHandler {
  readonly name: string;

  constructor(
    private readonly kind: MessageKind,
    private readonly contexts: MessageContextReads,
    private readonly ledger: NotificationLedger,
    private readonly delivery: NotificationDelivery,
    private readonly links: MessageMeetingLinks,
    private readonly clock: Clock,
  ) {
    this.name = kind.name;
  }

  async run(payload: JsonObject, job: JobRun): Promise<void> {
    const appointmentId = Number(payload.appointmentId);
    const context = await this.contexts.forAppointment(appointmentId);
    const message =
      context &&
      (await this.kind.compose(context, payload, {
        now: this.clock.now(),
        meetLink: () => this.links.linkFor(appointmentId, job.attempt),
      }));
    if (!context || !message) {
      await this.ledger.abandon(job.key, 'no longer relevant: the appointment changed');
      return;
    }
    const id = await this.ledger.open({
      patientId: context.patientId,
      appointmentId,
      type: message.type,
      channel: 'whatsapp',
      recipient: context.patientPhone,
      template: message.template,
      params: message.params,
      text: message.text,
      dedupeKey: job.key,
      createdBy: 'system',
    });
    await this.delivery.deliver(id);
  }
}
