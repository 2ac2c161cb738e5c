import type { Container } from 'inversify';
import { DevOutbox, DevOutboxSender } from '../../adapters/gateways/fake-messaging/dev-outbox.js';
import type { Config } from '../config.js';
import { T } from '../tokens.js';

export class GatewayNotAvailableError extends Error {}

/**
 * WhatsApp and SMS senders. This build ships the fakes (dev outbox); the Gallabox and MSG91 adapters
 * arrive with the messaging work. Until then, configuring them is refused rather than silently faked.
 */
export function bindMessaging(c: Container, config: Config): void {
  if (config.env.GALLABOX_API_KEY || config.env.SMS_PROVIDER) {
    throw new GatewayNotAvailableError(
      'Configuration error: GALLABOX_API_KEY/SMS_PROVIDER are set, but this build has no Gallabox or MSG91 adapter yet; unset them to use the fake gateways',
    );
  }
  c.bind(T.DevOutbox)
    .toDynamicValue((x) => new DevOutbox(x.get(T.Orm)))
    .inSingletonScope();
  c.bind(T.WhatsAppSender)
    .toDynamicValue((x) => new DevOutboxSender(x.get(T.DevOutbox)!, 'whatsapp'))
    .inSingletonScope();
  c.bind(T.SmsSender)
    .toDynamicValue((x) => new DevOutboxSender(x.get(T.DevOutbox)!, 'sms'))
    .inSingletonScope();
}
