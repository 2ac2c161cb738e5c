import type { EntityDictionary } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  PaymentRepository,
  ProviderReference,
  WebhookEventLog,
} from '../../../application/billing/ports/payment-repository.js';
import type { Appointment } from '../../../domain/booking/appointment.js';
import { Payment } from '../../../domain/billing/payment.js';
import { AppointmentSchema } from '../schemas/appointment-schema.js';
import { PaymentSchema } from '../schemas/payment-schema.js';
import { LockedRows } from './locked-rows.js';

export class MikroPaymentRepository implements PaymentRepository {
  private lockedRows?: { appointments: LockedRows<Appointment>; payments: LockedRows<Payment> };

  constructor(private readonly em: EntityManager) {}

  // The two locks of every failure, refund and order: plain SQL mapped into the unit of work (a
  // `refresh`, like findOne's), so the hot path builds no query and a new payment costs one statement.
  async lockAppointment(appointmentId: number): Promise<Appointment | null> {
    const row = await this.appointmentRow(appointmentId);
    return row ? this.em.map(AppointmentSchema, row) : null;
  }

  async lockPaymentOf(appointment: Appointment, now: Date): Promise<Payment> {
    return this.em.map(PaymentSchema, await this.paymentRow(appointment, now));
  }

  // The same locks for the road to "paid", built outside the identity map and written by saveCaptured:
  // mapping them in and flushing their change sets was the largest cost of the webhook's capture.
  async lockAppointmentForCapture(appointmentId: number): Promise<Appointment | null> {
    const row = await this.appointmentRow(appointmentId);
    return row ? this.rows().appointments.fromRow(row) : null;
  }

  async lockPaymentForCapture(appointment: Appointment, now: Date): Promise<Payment> {
    return this.rows().payments.fromRow(await this.paymentRow(appointment, now));
  }

  async saveCaptured(appointment: Appointment, payment: Payment): Promise<void> {
    const { appointments, payments } = this.rows();
    for (const [sql, params] of [appointments.update(appointment), payments.update(payment)]) {
      await this.em.execute(sql, params, 'run');
    }
  }

  /** Built once, from the metadata MikroORM derived from the schemas. */
  private rows() {
    const metadata = this.em.getMetadata();
    this.lockedRows ??= {
      appointments: new LockedRows(metadata.get<Appointment>(AppointmentSchema.meta.className)),
      payments: new LockedRows(metadata.get<Payment>(PaymentSchema.meta.className)),
    };
    return this.lockedRows;
  }

  private async appointmentRow(appointmentId: number): Promise<EntityDictionary<Appointment> | undefined> {
    const rows: EntityDictionary<Appointment>[] = await this.em.execute(
      'select * from appointments where id = ? for update',
      [appointmentId],
    );
    return rows[0];
  }

  private async paymentRow(appointment: Appointment, now: Date): Promise<EntityDictionary<Payment>> {
    const draft = Payment.open(
      {
        appointmentId: appointment.id,
        patientId: appointment.patientId,
        centreId: appointment.centreId,
        amountPaise: appointment.feePaise,
      },
      now,
    );
    // Insert-if-absent, then lock: two first payments for one appointment cannot both open one. A row
    // this statement inserted is already this transaction's alone (a racing insert waits on the unique
    // key), so only a payment that existed before needs the second, locking read.
    const opened: EntityDictionary<Payment>[] = await this.em.execute(
      `insert into payments (appointment_id, patient_id, centre_id, amount_paise, currency, status, created_at, updated_at)
       values (?, ?, ?, ?, 'INR', 'PENDING', ?, ?) on conflict (appointment_id) do nothing returning *`,
      [draft.appointmentId, draft.patientId, draft.centreId, draft.amountPaise, now, now],
    );
    const rows = opened.length
      ? opened
      : await this.em.execute<EntityDictionary<Payment>[]>(
          'select * from payments where appointment_id = ? for update',
          [appointment.id],
        );
    return rows[0]!;
  }

  findByAppointment(appointmentId: number): Promise<Payment | null> {
    return this.em.findOne(PaymentSchema, { appointmentId });
  }

  async appointmentIdOf(reference: ProviderReference): Promise<number | null> {
    const [sql, params] = lookupOf(reference);
    const rows: Array<{ id: number }> = await this.em.execute(`${sql} limit 1`, params);
    return rows[0]?.id ?? null;
  }
}

// The appointment keeps the order or link booking made; the payment keeps those billing made later.
function lookupOf(reference: ProviderReference): [string, string[]] {
  switch (reference.kind) {
    case 'order':
      return [
        `select id from appointments where payment_order_id = ?
         union all select appointment_id from payments where order_id = ?`,
        [reference.orderId, reference.orderId],
      ];
    case 'link':
      return [
        `select id from appointments where payment_link_id = ?
         union all select appointment_id from payments where link_id = ?`,
        [reference.linkId, reference.linkId],
      ];
    default:
      return [
        'select appointment_id as id from payments where provider_payment_id = ?',
        [reference.providerPaymentId],
      ];
  }
}

export class SqlWebhookEventLog implements WebhookEventLog {
  constructor(private readonly em: EntityManager) {}

  async claim(eventId: string, event: string): Promise<boolean> {
    const rows: unknown[] = await this.em.execute(
      `insert into payment_webhook_events (event_id, event) values (?, ?)
       on conflict (event_id) do nothing returning event_id`,
      [eventId, event],
    );
    return rows.length === 1;
  }
}
