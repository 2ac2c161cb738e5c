import { LockMode } from '@mikro-orm/core';
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

export class MikroPaymentRepository implements PaymentRepository {
  constructor(private readonly em: EntityManager) {}

  lockAppointment(appointmentId: number): Promise<Appointment | null> {
    return this.em.findOne(
      AppointmentSchema,
      { id: appointmentId },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
  }

  async lockPaymentOf(appointment: Appointment, now: Date): Promise<Payment> {
    const draft = Payment.open(
      {
        appointmentId: appointment.id,
        patientId: appointment.patientId,
        centreId: appointment.centreId,
        amountPaise: appointment.feePaise,
      },
      now,
    );
    // Insert-if-absent, then lock: two first payments for one appointment cannot both open one.
    await this.em.execute(
      `insert into payments (appointment_id, patient_id, centre_id, amount_paise, currency, status, created_at, updated_at)
       values (?, ?, ?, ?, 'INR', 'PENDING', ?, ?) on conflict (appointment_id) do nothing`,
      [draft.appointmentId, draft.patientId, draft.centreId, draft.amountPaise, now, now],
    );
    const payment = await this.em.findOne(
      PaymentSchema,
      { appointmentId: appointment.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    return payment!;
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
