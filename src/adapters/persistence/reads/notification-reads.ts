import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  NotificationCounts,
  NotificationFilter,
  NotificationReads,
  NotificationView,
} from '../../../application/messaging/ports/notification-reads.js';
import type { Page } from '../../../application/shared/page.js';
import {
  NOTIFICATION_TYPES,
  type NotificationStatus,
  type NotificationType,
} from '../../../domain/messaging/notification.js';

interface Row {
  id: number;
  patient_id: number;
  appointment_id: number | null;
  centre_id: number | null;
  type: NotificationType;
  channel: 'whatsapp' | 'sms';
  recipient: string;
  status: NotificationStatus;
  attempts: number;
  text: string;
  provider_message_id: string | null;
  last_error: string | null;
  created_at: Date | string;
  sent_at: Date | string | null;
}

const FROM = 'notifications n left join appointments a on a.id = n.appointment_id';
const COLUMNS = `n.id, n.patient_id, n.appointment_id, a.centre_id, n.type, n.channel, n.recipient, n.status,
  n.attempts, n.text, n.provider_message_id, n.last_error, n.created_at, n.sent_at`;

function conditionsOf(filter: Partial<NotificationFilter>) {
  const parts: string[] = ['true'];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    if (value === undefined) return;
    parts.push(sql);
    params.push(value);
  };
  add('a.centre_id = ?', filter.centreId);
  add('n.patient_id = ?', filter.patientId);
  add('n.appointment_id = ?', filter.appointmentId);
  add('n.type = ?', filter.type);
  add('n.status = ?', filter.status);
  add('n.created_at >= ?', filter.from);
  add('n.created_at < ?', filter.until);
  return { where: parts.join(' and '), params };
}

function viewOf(row: Row): NotificationView {
  return {
    id: row.id,
    patientId: row.patient_id,
    appointmentId: row.appointment_id,
    centreId: row.centre_id,
    type: row.type,
    channel: row.channel,
    recipient: row.recipient,
    status: row.status,
    attempts: row.attempts,
    text: row.text,
    providerMessageId: row.provider_message_id,
    lastError: row.last_error,
    createdAt: new Date(row.created_at),
    sentAt: row.sent_at === null ? null : new Date(row.sent_at),
  };
}

/** SQL over notifications: newest first; a page with its total in one statement. */
export class SqlNotificationReads implements NotificationReads {
  constructor(private readonly em: EntityManager) {}

  async history(filter: NotificationFilter): Promise<Page<NotificationView>> {
    const { where, params } = conditionsOf(filter);
    const rows: Array<Partial<Row> & { total: string }> = await this.em.getConnection().execute(
      `select t.total, page.*
         from (select count(*) as total from ${FROM} where ${where}) t
         left join (select ${COLUMNS} from ${FROM} where ${where}
                     order by n.created_at desc, n.id desc limit ? offset ?) page on true
        order by page.created_at desc, page.id desc`,
      [...params, ...params, filter.limit, (filter.page - 1) * filter.limit],
    );
    const items = rows.filter((row): row is Row & { total: string } => row.id != null).map(viewOf);
    return { items, total: Number(rows[0]?.total ?? 0) };
  }

  async counts(range: Partial<NotificationFilter>): Promise<NotificationCounts> {
    const { where, params } = conditionsOf(range);
    const rows: Array<{ type: NotificationType; status: NotificationStatus; count: string }> = await this.em
      .getConnection()
      .execute(
        `select n.type, n.status, count(*) as count from ${FROM} where ${where} group by n.type, n.status`,
        params,
      );
    const sentByType = Object.fromEntries(NOTIFICATION_TYPES.map((t) => [t, 0])) as Record<
      NotificationType,
      number
    >;
    const totals = { SENT: 0, FAILED: 0, PENDING: 0 };
    for (const row of rows) {
      totals[row.status] += Number(row.count);
      if (row.status === 'SENT') sentByType[row.type] += Number(row.count);
    }
    return { sent: totals.SENT, failed: totals.FAILED, pending: totals.PENDING, sentByType };
  }

  async byId(id: number): Promise<NotificationView | null> {
    const rows: Row[] = await this.em
      .getConnection()
      .execute(`select ${COLUMNS} from ${FROM} where n.id = ?`, [id]);
    return rows[0] ? viewOf(rows[0]) : null;
  }
}
