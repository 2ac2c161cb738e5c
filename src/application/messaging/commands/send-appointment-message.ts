import type { NotificationStatus } from '../../../domain/messaging/notification.js';
import { confirmationMessage, reminderMessage } from '../../../domain/messaging/templates.js';
import type { StaffActor } from '../../shared/actor.js';
import { ConflictError, GatewayUnavailableError, NotFoundError } from '../../shared/app-errors.js';
import { centreReachOf } from '../../booking/appointment-visibility.js';
import { PermanentJobFailure } from '../../shared/ports/job-handler.js';
import type { Outbox } from '../../shared/ports/outbox.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { JOB } from '../jobs/message-kinds.js';
import type { MessageMeetingLinks } from '../jobs/message-meeting-links.js';
import { NotificationBusyError, type NotificationDelivery } from '../notification-delivery.js';
import type { MessageContextReads } from '../ports/message-context-reads.js';
import type { NotificationLedger } from '../ports/notification-ledger.js';
import { MessageNotSentError } from '../ports/outbound-message.js';

export interface SendAppointmentMessage {
  appointmentId: number;
  kind: 'confirmation' | 'reminder';
}

/** How long the request's own try has before the backstop job tries the row again. */
const BACKSTOP_DELAY_MS = 5 * 60_000;

/**
 * A deliberate resend by staff: every call records and sends one new message, through the same
 * delivery path as the automatic ones. The row and a backstop job commit together, so a message whose
 * first try fails for a passing reason is still sent later.
 */
export class SendAppointmentMessageHandler {
  constructor(
    private readonly contexts: MessageContextReads,
    private readonly ledger: NotificationLedger,
    private readonly delivery: NotificationDelivery,
    private readonly links: MessageMeetingLinks,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly now: () => Date,
  ) {}

  async execute(
    input: SendAppointmentMessage,
    actor: StaffActor,
  ): Promise<{ notificationId: number; status: NotificationStatus }> {
    const context = await this.contexts.forAppointment(input.appointmentId);
    const reach = centreReachOf(actor);
    if (!context || (reach !== 'all' && reach !== context.centreId)) throw new NotFoundError('Appointment');
    if (context.status !== 'CONFIRMED') {
      throw new ConflictError('INVALID_STATE_TRANSITION', `Appointment is ${context.status}, not CONFIRMED`);
    }
    const link =
      context.facts.sessionType === 'ONLINE' ? await this.links.linkFor(context.appointmentId) : null;
    const message =
      input.kind === 'confirmation'
        ? confirmationMessage(context.facts, link)
        : reminderMessage(context.facts, link);
    const notificationId = await this.unitOfWork.run(async () => {
      const id = await this.ledger.open({
        patientId: context.patientId,
        appointmentId: context.appointmentId,
        type: message.type,
        channel: 'whatsapp',
        recipient: context.patientPhone,
        template: message.template,
        params: message.params,
        text: message.text,
        dedupeKey: null,
        createdBy: `staff:${actor.userId}`,
      });
      await this.outbox.add([
        {
          name: JOB.deliver,
          key: `${JOB.deliver}:${id}`,
          payload: { notificationId: id },
          runAt: new Date(this.now().getTime() + BACKSTOP_DELAY_MS),
        },
      ]);
      return id;
    });
    try {
      await this.delivery.deliver(notificationId);
      return { notificationId, status: 'SENT' };
    } catch (error) {
      if (error instanceof PermanentJobFailure) throw new GatewayUnavailableError('WhatsApp');
      if (error instanceof MessageNotSentError || error instanceof NotificationBusyError) {
        return { notificationId, status: 'PENDING' };
      }
      throw error;
    }
  }
}
