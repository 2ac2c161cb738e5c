import {
  MessageNotSentError,
  type OutboundMessage,
  type SendReceipt,
  type WhatsAppSender,
} from '../../../application/messaging/ports/outbound-message.js';
import {
  checkResponse,
  DEFAULT_RETRY_POLICY,
  E164,
  ProviderRefusal,
  withRetries,
} from '../messaging-retries.js';
import type { RetryPolicy } from '../retry-transient.js';

export interface GallaboxSettings {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  channelId: string;
  /** Our template names (`otp`, `appointment_confirmation`, …) → the approved Gallabox template names. */
  templates: Readonly<Record<string, string>>;
  timeoutMs?: number;
}

/**
 * WhatsApp through Gallabox's API (`POST /devapi/messages/whatsapp`, a template message with named
 * body values). Gallabox takes no idempotency key: when it answers 5xx or times out after accepting a
 * message, the retry sends it again. This adapter narrows that window (a short timeout, few tries);
 * it cannot close it. 4xx answers are final and never retried.
 */
export class GallaboxWhatsAppSender implements WhatsAppSender {
  constructor(
    private readonly settings: GallaboxSettings,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    const templateName = this.settings.templates[message.template];
    if (!templateName)
      throw new MessageNotSentError('WhatsApp', true, `no Gallabox template for ${message.template}`);
    if (!E164.test(message.to)) throw new MessageNotSentError('WhatsApp', true, 'invalid recipient number');
    const body = JSON.stringify({
      channelId: this.settings.channelId,
      channelType: 'whatsapp',
      recipient: { name: message.params.name ?? 'Mibo', phone: message.to.slice(1) },
      whatsapp: { type: 'template', template: { templateName, bodyValues: message.params } },
    });
    return withRetries('WhatsApp', this.policy, async () => {
      const response = await fetch(new URL('/devapi/messages/whatsapp', this.settings.baseUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          apiKey: this.settings.apiKey,
          apiSecret: this.settings.apiSecret,
        },
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
      const answer = (await checkResponse(response)) as { id?: unknown; messageId?: unknown } | null;
      const id = answer?.id ?? answer?.messageId;
      if (typeof id !== 'string' || id === '') {
        throw new ProviderRefusal(false, 'Gallabox accepted the message without an id');
      }
      return { providerMessageId: id };
    });
  }
}
