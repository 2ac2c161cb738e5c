import {
  MessageNotSentError,
  type OutboundMessage,
  type SendReceipt,
  type SmsSender,
} from '../../../application/messaging/ports/outbound-message.js';
import {
  checkResponse,
  DEFAULT_RETRY_POLICY,
  E164,
  ProviderRefusal,
  withRetries,
} from '../messaging-retries.js';
import type { RetryPolicy } from '../retry-transient.js';

export interface Msg91Settings {
  baseUrl: string;
  authKey: string;
  /** The DLT-approved flow template; it reads the variables `##code##` and `##minutes##`. */
  templateId: string;
  timeoutMs?: number;
}

/**
 * Staff OTPs by SMS through MSG91's flow API (`POST /api/v5/flow/`). Only the OTP template exists on
 * this channel. MSG91 takes no idempotency key either; 4xx and `type: error` answers are final.
 */
export class Msg91SmsSender implements SmsSender {
  constructor(
    private readonly settings: Msg91Settings,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  ) {}

  async send(message: OutboundMessage): Promise<SendReceipt> {
    if (message.template !== 'otp') throw new MessageNotSentError('SMS', true, 'MSG91 sends OTPs only');
    if (!E164.test(message.to)) throw new MessageNotSentError('SMS', true, 'invalid recipient number');
    const body = JSON.stringify({
      template_id: this.settings.templateId,
      short_url: '0',
      recipients: [{ mobiles: message.to.slice(1), ...message.params }],
    });
    return withRetries('SMS', this.policy, async () => {
      const response = await fetch(new URL('/api/v5/flow/', this.settings.baseUrl), {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          authkey: this.settings.authKey,
        },
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
      const answer = (await checkResponse(response)) as { type?: unknown; message?: unknown } | null;
      // MSG91 reports some refusals (bad template, bad key) as 200 with `type: "error"`.
      if (answer?.type !== 'success' || typeof answer.message !== 'string') {
        const said = typeof answer?.message === 'string' ? `: ${answer.message.slice(0, 120)}` : '';
        throw new ProviderRefusal(false, `MSG91 refused${said}`);
      }
      return { providerMessageId: answer.message };
    });
  }
}
