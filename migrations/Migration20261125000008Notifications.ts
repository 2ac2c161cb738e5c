import { Migration } from '@mikro-orm/migrations';

/**
 * Every patient message except OTPs, with its delivery state. `dedupe_key` (the job's key: appointment,
 * kind, start time) makes an automatic message at most one row whatever retries or second workers do;
 * manual resends leave it null. `claimed_until` is a lease: a worker sends a row only after winning it,
 * so two workers never send one row at once. The dev outbox records an idempotency key once, so the fake
 * gateway delivers a given notification once even when a worker dies between sending and marking SENT.
 */
export class Migration20261125000008Notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table notifications (
      id serial primary key,
      patient_id integer not null,
      appointment_id integer null,
      type text not null check (type in ('APPOINTMENT_CONFIRMATION', 'APPOINTMENT_REMINDER', 'PAYMENT_LINK',
        'APPOINTMENT_CANCELLATION', 'PAYMENT_REFUND')),
      channel text not null check (channel in ('whatsapp', 'sms')),
      recipient text not null,
      template text not null,
      params jsonb not null default '{}',
      text text not null,
      status text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
      attempts integer not null default 0 check (attempts >= 0),
      dedupe_key text null,
      claimed_until timestamptz null,
      provider_message_id text null,
      last_error text null,
      created_by text not null,
      created_at timestamptz not null default now(),
      sent_at timestamptz null,
      constraint notifications_dedupe_key_unique unique (dedupe_key),
      constraint notifications_sent_check check ((status = 'SENT') = (sent_at is not null))
    )`);
    this.addSql('create index notifications_created_idx on notifications (created_at desc, id desc)');
    this.addSql('create index notifications_patient_idx on notifications (patient_id, created_at desc)');
    this.addSql('create index notifications_appointment_idx on notifications (appointment_id)');
    this.addSql('alter table dev_outbox_messages add column idempotency_key text null');
    this.addSql(
      'create unique index dev_outbox_messages_idempotency_unique on dev_outbox_messages (idempotency_key)',
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists dev_outbox_messages_idempotency_unique');
    this.addSql('alter table dev_outbox_messages drop column if exists idempotency_key');
    this.addSql('drop table if exists notifications');
  }
}
