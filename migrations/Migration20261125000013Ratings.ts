import { Migration } from '@mikro-orm/migrations';

/**
 * Patients' ratings of their completed sessions: one per appointment (the unique key is what makes a
 * second rating, even a racing one, a DUPLICATE_ENTRY). Patient and clinician are copied from the
 * appointment so analytics averages a clinician's ratings without touching appointments.
 */
export class Migration20261125000013Ratings extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table appointment_ratings (
      id serial primary key,
      appointment_id integer not null references appointments (id),
      patient_id integer not null references patients (id),
      clinician_id integer not null,
      rating smallint not null check (rating between 1 and 5),
      comment text null check (length(comment) <= 1000),
      created_at timestamptz not null default now(),
      constraint appointment_ratings_appointment_unique unique (appointment_id)
    )`);
    this.addSql('create index appointment_ratings_clinician_idx on appointment_ratings (clinician_id)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists appointment_ratings');
  }
}
