import { Payment } from '../../../domain/billing/payment.js';
import { Appointment } from '../../../domain/booking/appointment.js';

/**
 * The capture path's rows, read and written by hand instead of through MikroORM's unit of work: its
 * hydration (`em.map`) and change-set flush were ~23% of the webhook's CPU. These do what the schemas
 * in ../schemas do for the same columns (timestamptz arrives as text, jsonb already parsed).
 */
type Row = Record<string, unknown>;

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(value as string));
const dateOrNull = (value: unknown): Date | null => (value == null ? null : date(value));

/** An Appointment from its row, not known to the identity map (so the ORM never writes it). */
export function appointmentOf(row: Row): Appointment {
  const a = Object.create(Appointment.prototype) as Appointment;
  return Object.assign(a, {
    id: row.id,
    patientId: row.patient_id,
    clinicianId: row.clinician_id,
    centreId: row.centre_id,
    startAt: date(row.start_at),
    endAt: date(row.end_at),
    sessionType: row.session_type,
    status: row.status,
    feePaise: row.fee_paise,
    feeSetBy: row.fee_set_by ?? null,
    paymentStatus: row.payment_status,
    paymentOrderId: row.payment_order_id ?? null,
    paymentLinkId: row.payment_link_id ?? null,
    paymentLinkUrl: row.payment_link_url ?? null,
    holdExpiresAt: dateOrNull(row.hold_expires_at),
    notes: row.notes ?? null,
    cancellationReason: row.cancellation_reason ?? null,
    cancelledAt: dateOrNull(row.cancelled_at),
    cancelledBy: row.cancelled_by ?? null,
    history: typeof row.history === 'string' ? JSON.parse(row.history) : row.history,
    createdBy: row.created_by,
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
  });
}

/** A Payment from its row, not known to the identity map. */
export function paymentOf(row: Row): Payment {
  const p = Object.create(Payment.prototype) as Payment;
  return Object.assign(p, {
    id: row.id,
    appointmentId: row.appointment_id,
    patientId: row.patient_id,
    centreId: row.centre_id,
    amountPaise: row.amount_paise,
    currency: row.currency,
    status: row.status,
    orderId: row.order_id ?? null,
    linkId: row.link_id ?? null,
    linkUrl: row.link_url ?? null,
    linkExpiresAt: dateOrNull(row.link_expires_at),
    providerPaymentId: row.provider_payment_id ?? null,
    method: row.method ?? null,
    paidAt: dateOrNull(row.paid_at),
    failureReason: row.failure_reason ?? null,
    refundId: row.refund_id ?? null,
    refundReason: row.refund_reason ?? null,
    refundedAt: dateOrNull(row.refunded_at),
    createdAt: date(row.created_at),
    updatedAt: date(row.updated_at),
  });
}

type Statement = [sql: string, params: unknown[]];

// Every mapped column but the id (cheap next to a flush, and no column can be forgotten).
const APPOINTMENT_COLUMNS = `patient_id = ?, clinician_id = ?, centre_id = ?, start_at = ?, end_at = ?,
  session_type = ?, status = ?, fee_paise = ?, fee_set_by = ?, payment_status = ?, payment_order_id = ?,
  payment_link_id = ?, payment_link_url = ?, hold_expires_at = ?, notes = ?, cancellation_reason = ?,
  cancelled_at = ?, cancelled_by = ?, history = ?::jsonb, created_by = ?, created_at = ?, updated_at = ?`;

export function appointmentUpdate(a: Appointment): Statement {
  return [
    `update appointments set ${APPOINTMENT_COLUMNS} where id = ?`,
    [
      a.patientId,
      a.clinicianId,
      a.centreId,
      a.startAt,
      a.endAt,
      a.sessionType,
      a.status,
      a.feePaise,
      a.feeSetBy,
      a.paymentStatus,
      a.paymentOrderId,
      a.paymentLinkId,
      a.paymentLinkUrl,
      a.holdExpiresAt,
      a.notes,
      a.cancellationReason,
      a.cancelledAt,
      a.cancelledBy,
      JSON.stringify(a.history),
      a.createdBy,
      a.createdAt,
      a.updatedAt,
      a.id,
    ],
  ];
}

const PAYMENT_COLUMNS = `appointment_id = ?, patient_id = ?, centre_id = ?, amount_paise = ?, currency = ?,
  status = ?, order_id = ?, link_id = ?, link_url = ?, link_expires_at = ?, provider_payment_id = ?, method = ?,
  paid_at = ?, failure_reason = ?, refund_id = ?, refund_reason = ?, refunded_at = ?, created_at = ?, updated_at = ?`;

export function paymentUpdate(p: Payment): Statement {
  return [
    `update payments set ${PAYMENT_COLUMNS} where id = ?`,
    [
      p.appointmentId,
      p.patientId,
      p.centreId,
      p.amountPaise,
      p.currency,
      p.status,
      p.orderId,
      p.linkId,
      p.linkUrl,
      p.linkExpiresAt,
      p.providerPaymentId,
      p.method,
      p.paidAt,
      p.failureReason,
      p.refundId,
      p.refundReason,
      p.refundedAt,
      p.createdAt,
      p.updatedAt,
      p.id,
    ],
  ];
}
