import { Migration } from '@mikro-orm/migrations';

// The statuses that occupy time. An expired PENDING hold still does until something cancels it: the
// booking transaction releases the expired holds it overlaps before inserting (CONTRACT.md, Holds).
const ACTIVE = `status in ('PENDING', 'CONFIRMED')`;
const PERIOD = `tstzrange(start_at, end_at, '[)')`;

/**
 * Appointments. Double booking is impossible in the database itself: two exclusion constraints keep
 * one clinician's, and one patient's, active appointments from overlapping, whatever races the code.
 * Clinicians and centres are scalar columns (their tables belong to the scheduling migrations).
 */
export class Migration20261125000004Appointments extends Migration {
  override async up(): Promise<void> {
    this.addSql('create extension if not exists btree_gist');
    this.addSql(`create table appointments (
      id serial primary key,
      patient_id integer not null references patients (id),
      clinician_id integer not null,
      centre_id integer not null,
      start_at timestamptz not null,
      end_at timestamptz not null,
      session_type text not null check (session_type in ('ONLINE', 'IN_PERSON')),
      status text not null check (status in ('PENDING', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
      fee_paise integer not null check (fee_paise >= 0),
      fee_set_by integer null,
      payment_status text not null
        check (payment_status in ('PENDING', 'PAID', 'FAILED', 'REFUNDED', 'WAIVED')),
      hold_expires_at timestamptz null,
      notes text null,
      cancellation_reason text null,
      cancelled_at timestamptz null,
      cancelled_by text null,
      history jsonb not null default '[]' check (jsonb_typeof(history) = 'array'),
      created_by text not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      constraint appointments_period_check check (end_at > start_at),
      constraint appointments_pending_hold_check check (status <> 'PENDING' or hold_expires_at is not null),
      constraint appointments_cancelled_check check ((status = 'CANCELLED') = (cancelled_at is not null)),
      constraint appointments_no_double_booking
        exclude using gist (clinician_id with =, ${PERIOD} with &&) where (${ACTIVE}),
      constraint appointments_patient_no_overlap
        exclude using gist (patient_id with =, ${PERIOD} with &&) where (${ACTIVE})
    )`);
    this.addSql('create index appointments_clinician_start_idx on appointments (clinician_id, start_at)');
    this.addSql('create index appointments_patient_start_idx on appointments (patient_id, start_at)');
    this.addSql('create index appointments_centre_start_idx on appointments (centre_id, start_at)');
    this.addSql('create index appointments_status_hold_idx on appointments (status, hold_expires_at)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists appointments');
  }
}
