import { Migration } from '@mikro-orm/migrations';

/** Staff, patients, one-time codes, refresh sessions, and the settings and dev outbox of the platform. */
export class Migration20261125000001Identity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table staff_users (
      id serial primary key,
      full_name text not null check (length(full_name) between 1 and 200),
      phone text not null,
      email text null,
      username text null,
      password_hash text null,
      role_id smallint not null check (role_id between 1 and 6),
      centre_id integer null,
      is_active boolean not null default true,
      deleted_at timestamptz null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql('create unique index staff_users_phone_unique on staff_users (phone)');
    this.addSql(
      'create unique index staff_users_email_unique on staff_users (lower(email)) where email is not null',
    );
    this.addSql(
      'create unique index staff_users_username_unique on staff_users (lower(username)) where username is not null',
    );
    this.addSql('create index staff_users_role_idx on staff_users (role_id)');

    this.addSql(`create table patients (
      id serial primary key,
      full_name text null,
      phone text not null,
      email text null,
      date_of_birth date null,
      gender text null,
      blood_group text null,
      emergency_contact_name text null,
      emergency_contact_phone text null,
      source text not null default 'WEBSITE'
        check (source in ('WEBSITE', 'WHATSAPP', 'WALK_IN', 'REFERRAL', 'PHONE', 'OTHER')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    this.addSql('create unique index patients_phone_unique on patients (phone)');

    this.addSql(`create table one_time_codes (
      id serial primary key,
      purpose text not null check (purpose in ('STAFF_LOGIN', 'PATIENT_LOGIN')),
      phone text not null,
      code_hash text not null,
      expires_at timestamptz not null,
      wrong_attempts smallint not null default 0,
      consumed_at timestamptz null,
      full_name text null,
      created_at timestamptz not null default now()
    )`);
    this.addSql('create unique index one_time_codes_purpose_phone_unique on one_time_codes (purpose, phone)');

    this.addSql(`create table refresh_sessions (
      id serial primary key,
      subject_kind text not null check (subject_kind in ('staff', 'patient')),
      subject_id integer not null,
      token_hash text not null,
      expires_at timestamptz not null,
      revoked_at timestamptz null,
      created_at timestamptz not null default now()
    )`);
    this.addSql('create unique index refresh_sessions_token_hash_unique on refresh_sessions (token_hash)');
    this.addSql('create index refresh_sessions_subject_idx on refresh_sessions (subject_kind, subject_id)');

    this.addSql(`create table platform_settings (
      name text primary key,
      value text not null,
      created_at timestamptz not null default now()
    )`);

    this.addSql(`create table dev_outbox_messages (
      id serial primary key,
      channel text not null check (channel in ('whatsapp', 'sms')),
      recipient text not null,
      template text not null,
      text text not null,
      created_at timestamptz not null default now()
    )`);
    this.addSql('create index dev_outbox_messages_recipient_idx on dev_outbox_messages (recipient, id desc)');
  }

  override async down(): Promise<void> {
    for (const table of [
      'dev_outbox_messages',
      'platform_settings',
      'refresh_sessions',
      'one_time_codes',
      'patients',
      'staff_users',
    ]) {
      this.addSql(`drop table if exists ${table}`);
    }
  }
}
