import type { MikroORM } from '@mikro-orm/postgresql';
import type {
  OutboundMessage,
  SmsSender,
  WhatsAppSender,
} from '../../../application/messaging/ports/outbound-message.js';

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
 * where nothing is really sent; it is the one place an OTP's text is kept.
 */
export class DevOutbox {
  constructor(private readonly orm: MikroORM) {}

  async record(channel: OutboxChannel, message: OutboundMessage): Promise<void> {
    await this.orm.em
      .getConnection()
      .execute('insert into dev_outbox_messages (channel, recipient, template, text) values (?, ?, ?, ?)', [
        channel,
        message.to,
        message.template,
        message.text,
      ]);
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

/** The fake WhatsApp (Gallabox) and SMS gateways: accept the message and record it in the dev outbox. */
export class DevOutboxSender implements WhatsAppSender, SmsSender {
  constructor(
    private readonly outbox: DevOutbox,
    private readonly channel: OutboxChannel,
  ) {}

  send(message: OutboundMessage): Promise<void> {
    return this.outbox.record(this.channel, message);
  }
}
