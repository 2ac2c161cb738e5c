import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type {
  ClaimResult,
  NewNotification,
  NotificationLedger,
} from '../../../application/messaging/ports/notification-ledger.js';

interface ClaimedRow {
  id: number;
  channel: 'whatsapp' | 'sms';
  recipient: string;
  template: string;
  params: Record<string, string> | string;
  text: string;
  attempts: number;
}

/**
 * Notifications in SQL: every state change is one conditional statement, so the database decides who
 * may send a row (its lease) and that a SENT row stays SENT. Statements join a surrounding unit of
 * work (a manual send records its row and its backstop job together).
 */
export class SqlNotificationLedger implements NotificationLedger {
  constructor(private readonly em: EntityManager) {}

  /**
   * Joins the caller's unit of work when one is open (a manual send records its row and backstop job
   * together). A job started from inside a request's transaction inherits that finished transaction's
   * context through async storage: a completed transaction is never joined.
   */
  private execute<T>(sql: string, params: unknown[]): Promise<T> {
    const trx = this.em.getTransactionContext<Knex.Transaction>();
    const live = trx && !trx.isCompleted() ? trx : undefined;
    return this.em.getConnection().execute(sql, params, 'all', live) as Promise<T>;
  }

  async open(n: NewNotification): Promise<number> {
    const inserted: Array<{ id: number }> = await this.execute(
      `insert into notifications (patient_id, appointment_id, type, channel, recipient, template, params, text,
         dedupe_key, created_by)
       values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
       on conflict (dedupe_key) do nothing returning id`,
      [
        n.patientId,
        n.appointmentId,
        n.type,
        n.channel,
        n.recipient,
        n.template,
        JSON.stringify(n.params),
        n.text,
        n.dedupeKey,
        n.createdBy,
      ],
    );
    if (inserted[0]) return inserted[0].id;
    const existing: Array<{ id: number }> = await this.execute(
      'select id from notifications where dedupe_key = ?',
      [n.dedupeKey],
    );
    return existing[0]!.id;
  }

  async claim(id: number, leaseSeconds: number): Promise<ClaimResult> {
    const rows: ClaimedRow[] = await this.execute(
      `update notifications
          set claimed_until = now() + make_interval(secs => ?), attempts = attempts + 1
        where id = ? and status = 'PENDING' and (claimed_until is null or claimed_until < now())
        returning id, channel, recipient, template, params, text, attempts`,
      [leaseSeconds, id],
    );
    const row = rows[0];
    if (row) {
      const params = typeof row.params === 'string' ? JSON.parse(row.params) : row.params;
      return { kind: 'claimed', notification: { ...row, params } };
    }
    const state: Array<{ status: string }> = await this.execute(
      'select status from notifications where id = ?',
      [id],
    );
    return state[0]?.status === 'PENDING' ? { kind: 'busy' } : { kind: 'done' };
  }

  async markSent(id: number, providerMessageId: string): Promise<void> {
    await this.execute(
      `update notifications set status = 'SENT', sent_at = now(), provider_message_id = ?, claimed_until = null,
         last_error = null
        where id = ? and status = 'PENDING'`,
      [providerMessageId, id],
    );
  }

  async markFailed(id: number, error: string): Promise<void> {
    await this.execute(
      `update notifications set status = 'FAILED', last_error = ?, claimed_until = null
        where id = ? and status = 'PENDING'`,
      [error.slice(0, 500), id],
    );
  }

  async release(id: number, error: string): Promise<void> {
    await this.execute(
      `update notifications set last_error = ?, claimed_until = null where id = ? and status = 'PENDING'`,
      [error.slice(0, 500), id],
    );
  }

  async abandon(dedupeKey: string, reason: string): Promise<void> {
    await this.execute(
      `update notifications set status = 'FAILED', last_error = ?
        where dedupe_key = ? and status = 'PENDING' and (claimed_until is null or claimed_until < now())`,
      [reason, dedupeKey],
    );
  }
}
