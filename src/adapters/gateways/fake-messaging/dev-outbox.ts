import type { MikroORM } from '@mikro-orm/postgresql';
import type {
  OutboundMessage,
  SendReceipt,
  SmsSender,
  WhatsAppSender,
} from '../../../application/messaging/ports/outbound-message.js';
import { DEFAULT_RETRY_POLICY, E164, ProviderRefusal, withRetries } from '../messaging-retries.js';
import type { RetryPolicy } from '../retry-transient.js';

export type OutboxChannel = 'whatsapp' | 'sms';

export interface OutboxEntry {
  id: number;
  channel: OutboxChannel;
  to: string;
  template: string;
  text: string;
  createdAt: string;
}

/**
 * What the fake gateways "sent", kept in the database so every process sees every message. Exists only
 * where nothing is really sent; it is the one place an OTP's text is kept. A message's idempotency key
 * is recorded once: a second send with it returns the first row and delivers nothing new.
 */
export class DevOutbox {
  constructor(private readonly orm: MikroORM) {}

  async record(channel: OutboxChannel, message: OutboundMessage): Promise<number> {
    const connection = this.orm.em.getConnection();
    const rows: Array<{ id: number }> = await connection.execute(
      `insert into dev_outbox_messages (channel, recipient, template, text, idempotency_key) values (?, ?, ?, ?, ?)
       on conflict (idempotency_key) do nothing returning id`,
      [channel, message.to, message.template, message.text, message.idempotencyKey ?? null],
    );
    if (rows[0]) return rows[0].id;
    const first: Array<{ id: number }> = await connection.execute(
      'select id from dev_outbox_messages where idempotency_key = ?',
      [message.idempotencyKey],
    );
    return first[0]!.id;
  }

  async list(to: string | undefined, limit = 100): Promise<OutboxEntry[]> {
    const where = to === undefined ? '' : 'where recipient = ?';
    const rows: Array<{
      id: number;
      channel: OutboxChannel;
      recipient: string;
      template: string;
      text: string;
      created_at: Date;
    }> = await this.orm.em
      .getConnection()
      .execute(
        `select id, channel, recipient, template, text, created_at from dev_outbox_messages ${where} order by id desc limit ?`,
        to === undefined ? [limit] : [to, limit],
      );
    return rows.map((row) => ({
      id: row.id,
      channel: row.channel,
      to: row.recipient,
      template: row.template,
      text: row.text,
      createdAt: new Date(row.created_at).toISOString(),
    }));
  }
}

export type ProviderFault = 'server' | 'client';

/**
 * The fake WhatsApp (Gallabox) and SMS gateways: record the message in the dev outbox. They behave as
 * the real adapters do (their contract tests are shared): a malformed number is refused at once,
 * `failNext` makes the next tries fail as the provider would (server: 5xx, retried; client: 4xx, not),
 * and `tries` counts what the provider would have received.
 */
export class DevOutboxSender implements WhatsAppSender, SmsSender {
  tries = 0;
  private faults: ProviderFault[] = [];

  constructor(
    private readonly outbox: DevOutbox,
    private readonly channel: OutboxChannel,
    private readonly policy: RetryPolicy = DEFAULT_RETRY_POLICY,
    /** FAKE_GATEWAY_LATENCY_MS: a slow provider's answer, which arrives after it took the message. */
    private readonly latencyMs = 0,
  ) {}

  failNext(count: number, fault: ProviderFault): void {
    this.faults.push(...Array.from({ length: count }, () => fault));
  }

  send(message: OutboundMessage): Promise<SendReceipt> {
    const provider = this.channel === 'sms' ? 'SMS' : 'WhatsApp';
    return withRetries(provider, this.policy, async () => {
      this.tries += 1;
      const fault = this.faults.shift();
      if (fault) throw new ProviderRefusal(fault === 'server', fault === 'server' ? 'HTTP 503' : 'HTTP 400');
      if (!E164.test(message.to)) throw new ProviderRefusal(false, 'HTTP 400: invalid recipient number');
      const id = await this.outbox.record(this.channel, message);
      if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
      return { providerMessageId: `dev-${id}` };
    });
  }
}
