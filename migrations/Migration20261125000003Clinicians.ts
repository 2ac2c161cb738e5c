import { Migration } from '@mikro-orm/migrations';

/** Clinicians: profile, fee in paise, session length, weekly rules and date exceptions (JSON). */
export class Migration20261125000003Clinicians extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table clinicians (
      id serial primary key,
      user_id integer not null references staff_users (id),
      primary_centre_id integer not null references centres (id),
      specialization text[] not null default '{}',
      qualification text[] not null default '{}',
      years_of_experience integer not null check (years_of_experience between 0 and 80),
      fee_paise integer not null check (fee_paise >= 0),
      languages text[] not null default '{}',
      profile_picture_url text null,
      consultation_minutes integer not null check (consultation_minutes between 5 and 480),
      availability_rules jsonb not null default '[]',
      exceptions jsonb not null default '[]',
      is_active boolean not null default true,
      deleted_at timestamptz null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql('create unique index clinicians_user_unique on clinicians (user_id)');
    this.addSql('create index clinicians_primary_centre_idx on clinicians (primary_centre_id)');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists clinicians');
  }
}
