import { GatewayUnavailableError } from '../../shared/app-errors.js';

/** A message to one phone, by template; `text` is what the person reads. */
export interface OutboundMessage {
  to: string;
  /** Our template name (`otp`, `appointment_confirmation`, …); adapters map it to the provider's. */
  template: string;
  text: string;
  params: Record<string, string>;
  /**
   * The same key means the same message (a recorded notification's id). A provider that honours it
   * delivers a key once; Gallabox and MSG91 have no such key, so their adapters cannot close the window
   * of a worker dying between the provider's answer and the row being marked SENT.
   */
  idempotencyKey?: string;
}

export interface SendReceipt {
  /** The provider's id for the message (the dev outbox's `dev-<row id>` for the fakes). */
  providerMessageId: string;
}

/** Staff OTPs go by SMS (or WhatsApp when only Gallabox is configured). */
export interface SmsSender {
  send(message: OutboundMessage): Promise<SendReceipt>;
}

/** Patients' OTPs and every patient message go by WhatsApp. */
export interface WhatsAppSender {
  send(message: OutboundMessage): Promise<SendReceipt>;
}

/**
 * The provider did not take the message. `permanent` (a 4xx: bad number, unknown template, bad key):
 * sending again cannot help. Otherwise (5xx, timeout, network) it may work later. Either way callers
 * answering a person see 503 GATEWAY_UNAVAILABLE; the detail (never the text) is kept for operators.
 */
export class MessageNotSentError extends GatewayUnavailableError {
  constructor(
    provider: string,
    readonly permanent: boolean,
    readonly detail: string,
  ) {
    super(provider);
  }
}
