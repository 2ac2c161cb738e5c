import type { Container } from 'inversify';
import { DevOutbox, DevOutboxSender } from '../../adapters/gateways/fake-messaging/dev-outbox.js';
import { GallaboxWhatsAppSender } from '../../adapters/gateways/gallabox/gallabox-whatsapp-sender.js';
import { Msg91SmsSender } from '../../adapters/gateways/msg91/msg91-sms-sender.js';
import { notificationRoutes } from '../../adapters/http/routes/notifications/notification-routes.js';
import { SqlNotificationMessageContextReads } from '../../adapters/persistence/reads/notification-message-context-reads.js';
import { SqlNotificationReads } from '../../adapters/persistence/reads/notification-reads.js';
import { SqlNotificationLedger } from '../../adapters/persistence/repositories/sql-notification-ledger.js';
import { SendAppointmentMessageHandler } from '../../application/messaging/commands/send-appointment-message.js';
import { AppointmentMessageJob } from '../../application/messaging/jobs/appointment-message-job.js';
import { DeliverNotificationJob } from '../../application/messaging/jobs/deliver-notification-job.js';
import { MessageMeetingLinks } from '../../application/messaging/jobs/message-meeting-links.js';
import { MESSAGE_KINDS } from '../../application/messaging/jobs/message-kinds.js';
import { NotificationDelivery } from '../../application/messaging/notification-delivery.js';
import { NotificationQueries } from '../../application/messaging/queries/notification-queries.js';
import { messageReactions } from '../../application/messaging/reactions/message-reactions.js';
import type { Config } from '../config.js';
import { T } from '../tokens.js';

/** Kept for imports that still expect it here; it lives in its own file. */
export { GatewayNotAvailableError } from '../gateway-not-available.js';

/** Which adapter each channel uses, for the start-up log (CONTRACT.md: one line per part). */
export function messagingAdapters(config: Config): { whatsapp: string; sms: string } {
  const { env } = config;
  const gallabox = Boolean(env.GALLABOX_API_KEY);
  return {
    whatsapp: gallabox ? `Gallabox (${env.GALLABOX_BASE_URL})` : 'fake gateway (dev outbox)',
    sms:
      env.SMS_PROVIDER === 'msg91'
        ? `MSG91 (${env.MSG91_BASE_URL})`
        : gallabox
          ? 'none: staff OTPs go by WhatsApp (Gallabox)'
          : 'fake gateway (dev outbox)',
  };
}

/**
 * WhatsApp and SMS senders chosen from configuration, and everything messaging does with them:
 * notifications recorded and delivered once, the jobs and reactions that send them, the routes.
 */
export function bindMessaging(c: Container, config: Config): void {
  bindSenders(c, config);
  c.bind(T.NotificationLedger)
    .toDynamicValue((x) => new SqlNotificationLedger(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.NotificationReads)
    .toDynamicValue((x) => new SqlNotificationReads(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.MessageContextReads)
    .toDynamicValue((x) => new SqlNotificationMessageContextReads(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.NotificationDelivery)
    .toDynamicValue(
      (x) =>
        new NotificationDelivery(x.get(T.NotificationLedger), {
          whatsapp: x.get(T.WhatsAppSender),
          sms: x.get(T.SmsSender),
        }),
    )
    .inSingletonScope();
  // The video work binds the link source; until then confirmations say the link will follow.
  const links = (x: { get: Container['get'] }) =>
    new MessageMeetingLinks(x.get(T.MeetingLinkSource, { optional: true }) ?? null);
  for (const kind of MESSAGE_KINDS) {
    c.bind(T.JobHandlers)
      .toDynamicValue(
        (x) =>
          new AppointmentMessageJob(
            kind,
            x.get(T.MessageContextReads),
            x.get(T.NotificationLedger),
            x.get(T.NotificationDelivery),
            links(x),
            x.get(T.Clock),
          ),
      )
      .inSingletonScope();
  }
  c.bind(T.JobHandlers)
    .toDynamicValue((x) => new DeliverNotificationJob(x.get(T.NotificationDelivery)))
    .inSingletonScope();
  // Reactions are multi-bound one by one; each binding takes its own from the list.
  const offsets = config.env.REMINDER_OFFSETS;
  messageReactions({ now: () => new Date() }, offsets).forEach((_, i) => {
    c.bind(T.Reactions)
      .toDynamicValue((x) => messageReactions(x.get(T.Clock), offsets)[i]!)
      .inSingletonScope();
  });
  c.bind(T.SendAppointmentMessage)
    .toDynamicValue((x) => {
      const clock = x.get(T.Clock);
      return new SendAppointmentMessageHandler(
        x.get(T.MessageContextReads),
        x.get(T.NotificationLedger),
        x.get(T.NotificationDelivery),
        links(x),
        x.get(T.UnitOfWork),
        x.get(T.Outbox),
        () => clock.now(),
      );
    })
    .inSingletonScope();
  c.bind(T.NotificationQueries)
    .toDynamicValue((x) => new NotificationQueries(x.get(T.NotificationReads)))
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      notificationRoutes({ send: x.get(T.SendAppointmentMessage), queries: x.get(T.NotificationQueries) }),
    )
    .inSingletonScope();
}

function bindSenders(c: Container, config: Config): void {
  const { env } = config;
  const gallabox = env.GALLABOX_API_KEY
    ? new GallaboxWhatsAppSender({
        baseUrl: env.GALLABOX_BASE_URL,
        apiKey: env.GALLABOX_API_KEY,
        apiSecret: env.GALLABOX_API_SECRET ?? '',
        channelId: env.GALLABOX_CHANNEL_ID ?? '',
        templates: {
          otp: env.GALLABOX_TEMPLATE_OTP,
          appointment_confirmation: env.GALLABOX_TEMPLATE_CONFIRMATION,
          appointment_reminder: env.GALLABOX_TEMPLATE_REMINDER,
          payment_link: env.GALLABOX_TEMPLATE_PAYMENT_LINK,
          appointment_cancellation: env.GALLABOX_TEMPLATE_CANCELLATION,
          payment_refund: env.GALLABOX_TEMPLATE_REFUND,
        },
      })
    : null;
  const msg91 =
    env.SMS_PROVIDER === 'msg91'
      ? new Msg91SmsSender({
          baseUrl: env.MSG91_BASE_URL,
          authKey: env.MSG91_AUTH_KEY ?? '',
          templateId: env.MSG91_TEMPLATE_ID ?? '',
        })
      : null;
  // The dev outbox route exists only while nothing is really sent (CONTRACT.md, Dev outbox).
  c.bind(T.DevOutbox)
    .toDynamicValue((x) => (gallabox || msg91 ? null : new DevOutbox(x.get(T.Orm))))
    .inSingletonScope();
  const fake = (x: { get: Container['get'] }, channel: 'whatsapp' | 'sms') =>
    new DevOutboxSender(
      x.get(T.DevOutbox) ?? new DevOutbox(x.get(T.Orm)),
      channel,
      undefined,
      env.FAKE_GATEWAY_LATENCY_MS,
    );
  c.bind(T.WhatsAppSender)
    .toDynamicValue((x) => gallabox ?? fake(x, 'whatsapp'))
    .inSingletonScope();
  // Staff OTPs by SMS; with no SMS provider but Gallabox configured, by WhatsApp (CONTRACT.md).
  c.bind(T.SmsSender)
    .toDynamicValue((x) => msg91 ?? gallabox ?? fake(x, 'sms'))
    .inSingletonScope();
}
