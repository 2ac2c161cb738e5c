import { MAX_DELIVERY_ATTEMPTS } from '../../domain/messaging/notification.js';
import { PermanentJobFailure, RetryLater } from '../shared/ports/job-handler.js';
import type { NotificationLedger } from './ports/notification-ledger.js';
import { MessageNotSentError, type SmsSender, type WhatsAppSender } from './ports/outbound-message.js';

/** How long a job waits for another worker's lease before looking again. */
const BUSY_RETRY_MS = 15_000;

/**
 * Another worker holds the row's lease: look again later (the job waits without using an attempt, so
 * a dead worker's lease running out can never leave the message unsent).
 */
export class NotificationBusyError extends RetryLater {
  constructor(id: number) {
    super(`notification ${id} is being sent by another worker`, BUSY_RETRY_MS);
  }
}

/**
 * The one path every recorded message takes to the provider, automatic or manual. A row is sent only
 * by the worker that wins its lease, and only while PENDING, so retries, restarts and second workers
 * never send one row twice at once; the row's id travels as the idempotency key, so a provider that
 * honours keys (the dev outbox) delivers it once even when a worker dies before marking it SENT.
 */
export class NotificationDelivery {
  constructor(
    private readonly ledger: NotificationLedger,
    private readonly senders: { whatsapp: WhatsAppSender; sms: SmsSender },
    /** Longer than a send with its retries can take, so a live sender never loses its lease. */
    private readonly leaseSeconds = 120,
  ) {}

  /**
   * Sends the row unless it is already settled. Throws `PermanentJobFailure` when it ends FAILED and
   * `MessageNotSentError`/`NotificationBusyError` when a later try may still send it.
   */
  async deliver(id: number): Promise<'SENT' | 'ALREADY_SETTLED'> {
    const claim = await this.ledger.claim(id, this.leaseSeconds);
    if (claim.kind === 'done') return 'ALREADY_SETTLED';
    if (claim.kind === 'busy') throw new NotificationBusyError(id);
    const n = claim.notification;
    let providerMessageId: string;
    try {
      ({ providerMessageId } = await this.senders[n.channel].send({
        to: n.recipient,
        template: n.template,
        text: n.text,
        params: n.params,
        idempotencyKey: `notification:${n.id}`,
      }));
    } catch (error) {
      const detail = error instanceof MessageNotSentError ? error.detail : 'unexpected error while sending';
      const permanent = error instanceof MessageNotSentError && error.permanent;
      if (permanent || n.attempts >= MAX_DELIVERY_ATTEMPTS) {
        await this.ledger.markFailed(id, detail);
        throw new PermanentJobFailure(`notification ${id} failed: ${detail}`);
      }
      await this.ledger.release(id, detail);
      throw error;
    }
    // Sent: if marking it fails, the lease runs out and a retry sends again under the same key.
    await this.ledger.markSent(id, providerMessageId);
    return 'SENT';
  }
}
