import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  PaymentDetails,
  PaymentHistoryFilter,
  PaymentHistoryItem,
  PaymentReads,
} from '../../../application/billing/ports/payment-reads.js';
import type { Page } from '../../../application/shared/page.js';

// Every appointment with a fee has a payment to show, even before billing opened a row for it (a
// patient's booking makes its order before the appointment exists).
const FROM = `appointments a
  join centres c on c.id = a.centre_id
  left join payments p on p.appointment_id = a.id
  left join patients pt on pt.id = a.patient_id
  left join clinicians k on k.id = a.clinician_id
  left join staff_users u on u.id = k.user_id`;

interface DetailsRow {
  id: number;
  patient_id: number;
  centre_id: number;
  clinician_user_id: number;
  amount_paise: number;
  status: string;
  method: string | null;
  provider_payment_id: string | null;
  order_id: string | null;
  link_id: string | null;
  link_url: string | null;
  paid_at: Date | string | null;
  refund_id: string | null;
  refunded_at: Date | string | null;
}

interface HistoryRow {
  total: string;
  id: number;
  patient_id: number;
  patient_name: string | null;
  clinician_name: string | null;
  centre_id: number;
  amount_paise: number;
  status: string;
  method: string | null;
  provider_payment_id: string | null;
  paid_at: Date | string | null;
  start_at: Date | string;
}

const STATUS = 'coalesce(p.status, a.payment_status)';
const PAID_ON = '(coalesce(p.paid_at, a.created_at) at time zone c.timezone)::date';

export class SqlPaymentReads implements PaymentReads {
  constructor(private readonly em: EntityManager) {}

  async details(appointmentId: number): Promise<PaymentDetails | null> {
    const rows: DetailsRow[] = await this.em.getConnection().execute(
      `select a.id, a.patient_id, a.centre_id, k.user_id as clinician_user_id,
              coalesce(p.amount_paise, a.fee_paise) as amount_paise, ${STATUS} as status, p.method,
              p.provider_payment_id, coalesce(p.order_id, a.payment_order_id) as order_id,
              coalesce(p.link_id, a.payment_link_id) as link_id, coalesce(p.link_url, a.payment_link_url) as link_url,
              p.paid_at, p.refund_id, p.refunded_at
         from ${FROM} where a.id = ?`,
      [appointmentId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      appointmentId: row.id,
      patientId: row.patient_id,
      centreId: row.centre_id,
      clinicianUserId: row.clinician_user_id,
      amountPaise: row.amount_paise,
      currency: 'INR',
      status: row.status,
      method: row.method,
      providerPaymentId: row.provider_payment_id,
      orderId: row.order_id,
      paymentLinkId: row.link_id,
      paymentLinkUrl: row.link_url,
      paidAt: dateOrNull(row.paid_at),
      refundId: row.refund_id,
      refundedAt: dateOrNull(row.refunded_at),
    };
  }

  async history(filter: PaymentHistoryFilter): Promise<Page<PaymentHistoryItem>> {
    const where = ['a.fee_paise > 0'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    if (filter.patientId !== undefined) add('a.patient_id = ?', filter.patientId);
    if (filter.appointmentId !== undefined) add('a.id = ?', filter.appointmentId);
    if (filter.centreId !== undefined) add('a.centre_id = ?', filter.centreId);
    if (filter.status !== undefined) add(`${STATUS} = ?`, filter.status);
    if (filter.startDate !== undefined) add(`${PAID_ON} >= ?::date`, filter.startDate);
    if (filter.endDate !== undefined) add(`${PAID_ON} <= ?::date`, filter.endDate);
    const condition = where.join(' and ');
    const rows: HistoryRow[] = await this.em.getConnection().execute(
      `select count(*) over () as total, a.id, a.patient_id, pt.full_name as patient_name,
              u.full_name as clinician_name, a.centre_id, coalesce(p.amount_paise, a.fee_paise) as amount_paise,
              ${STATUS} as status, p.method, p.provider_payment_id, p.paid_at, a.start_at
         from ${FROM} where ${condition}
        order by coalesce(p.paid_at, a.created_at) desc, a.id desc limit ? offset ?`,
      [...params, filter.limit, (filter.page - 1) * filter.limit],
    );
    let total = Number(rows[0]?.total ?? 0);
    if (rows.length === 0 && filter.page > 1) {
      const counted: Array<{ n: string }> = await this.em
        .getConnection()
        .execute(`select count(*) as n from ${FROM} where ${condition}`, params);
      total = Number(counted[0]?.n ?? 0);
    }
    return {
      total,
      items: rows.map((row) => ({
        appointmentId: row.id,
        patientId: row.patient_id,
        patientName: row.patient_name,
        clinicianName: row.clinician_name,
        centreId: row.centre_id,
        amountPaise: row.amount_paise,
        status: row.status,
        method: row.method,
        providerPaymentId: row.provider_payment_id,
        paidAt: dateOrNull(row.paid_at),
        appointmentStartAt: new Date(row.start_at),
      })),
    };
  }
}

function dateOrNull(value: Date | string | null): Date | null {
  return value === null || value === undefined ? null : new Date(value);
}
