import { Migration } from '@mikro-orm/migrations';

/**
 * One payment per appointment with a fee, and the webhook deliveries already handled. The provider's
 * payment id is unique, so a capture told twice (verify and webhook, or a webhook redelivered) can
 * only ever land once; the event table de-duplicates deliveries by `x-razorpay-event-id`.
 */
export class Migration20261125000007Payments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table payments (
      id serial primary key,
      appointment_id integer not null references appointments (id),
      patient_id integer not null,
      centre_id integer not null,
      amount_paise integer not null check (amount_paise > 0),
      currency text not null default 'INR',
      status text not null check (status in ('PENDING', 'FAILED', 'PAID', 'REFUND_PENDING', 'REFUNDED')),
      order_id text null,
      link_id text null,
      link_url text null,
      link_expires_at timestamptz null,
      provider_payment_id text null,
      method text null,
      paid_at timestamptz null,
      failure_reason text null,
      refund_id text null,
      refund_reason text null check (refund_reason in ('CANCELLED', 'SLOT_TAKEN')),
      refunded_at timestamptz null,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      constraint payments_appointment_unique unique (appointment_id),
      constraint payments_provider_payment_unique unique (provider_payment_id)
    )`);
    this.addSql('create index payments_patient_idx on payments (patient_id)');
    this.addSql('create index payments_centre_idx on payments (centre_id)');
    // Each webhook delivery finds its payment by the order or link it names.
    this.addSql('create index payments_order_idx on payments (order_id)');
    this.addSql('create index payments_link_idx on payments (link_id)');
    // Webhooks and verify find the appointment by the order or link the provider names.
    this.addSql('create index appointments_payment_order_idx on appointments (payment_order_id)');
    this.addSql('create index appointments_payment_link_idx on appointments (payment_link_id)');
    this.addSql(`create table payment_webhook_events (
      event_id text primary key,
      event text not null,
      received_at timestamptz not null default now()
    )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists payment_webhook_events');
    this.addSql('drop index if exists appointments_payment_link_idx');
    this.addSql('drop index if exists appointments_payment_order_idx');
    this.addSql('drop table if exists payments');
  }
}
