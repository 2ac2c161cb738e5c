import { Migration } from '@mikro-orm/migrations';

// Accented Latin letters and their plain forms, one for one: `translate` is immutable, so a stored
// generated column can use it; `unaccent` is not, and PGlite would need it loaded as an extension.
const ACCENTED =
  'ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžƠơƯưǍǎǏǐǑǒǓǔǕǖǗǘǙǚǛǜǞǟǠǡǦǧǨǩǪǫǬǭǰǴǵǸǹǺǻȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȪȫȬȭȮȯȰȱȲȳØøĐđŁłĦħı';
const PLAIN =
  'AAAAAACEEEEIIIINOOOOOUUUUYaaaaaaceeeeiiiinooooouuuuyyAaAaAaCcCcCcCcDdEeEeEeEeEeGgGgGgGgHhIiIiIiIiIJjKkLlLlLlNnNnNnOoOoOoRrRrRrSsSsSsSsTtTtUuUuUuUuUuUuWwYyYZzZzZzOoUuAaIiOoUuUuUuUuUuAaAaGgKkOoOojGgNnAaAaAaEeEeIiIiOoOoRrRrUuUuSsTtHhAaEeOoOoOoOoYyOoDdLlHhi';

const APPEND_ONLY = ['medical_notes', 'clinical_audit_log'];

/**
 * Clinical records: the patient's details and medical history, a folded name to search on, medical
 * notes and the clinical audit log. Notes and audit entries are append-only in the database itself.
 */
export class Migration20261125000011ClinicalRecords extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function fold_for_search(value text) returns text
      language sql immutable parallel safe
      as $$ select lower(translate(value, '${ACCENTED}', '${PLAIN}')) $$`);
    this.addSql(`alter table patients
      add column medical_history text null check (length(medical_history) <= 20000),
      add column search_name text generated always as (fold_for_search(coalesce(full_name, ''))) stored,
      add constraint patients_gender_check
        check (gender in ('MALE', 'FEMALE', 'OTHER', 'PREFER_NOT_TO_SAY')),
      add constraint patients_blood_group_check
        check (blood_group in ('A+', 'A-', 'B+', 'B-', 'AB+', 'AB-', 'O+', 'O-'))`);
    this.addSql('create index patients_newest_idx on patients (created_at desc, id desc)');

    this.addSql(`create table medical_notes (
      id serial primary key,
      patient_id integer not null references patients (id),
      author_id integer not null references staff_users (id),
      appointment_id integer null references appointments (id),
      body text not null check (length(body) between 1 and 10000),
      corrects_note_id integer null references medical_notes (id),
      created_at timestamptz not null default now()
    )`);
    this.addSql(
      'create index medical_notes_patient_idx on medical_notes (patient_id, created_at desc, id desc)',
    );
    this.addSql('create index medical_notes_corrects_idx on medical_notes (corrects_note_id)');

    this.addSql(`create table clinical_audit_log (
      id serial primary key,
      actor_id integer not null,
      actor_role text not null
        check (actor_role in ('ADMIN', 'MANAGER', 'CLINICIAN', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK')),
      patient_id integer not null,
      action text not null
        check (action in ('READ_MEDICAL_HISTORY', 'WRITE_MEDICAL_HISTORY', 'READ_NOTES', 'WRITE_NOTE')),
      note_id integer null,
      request_id text not null,
      at timestamptz not null default now()
    )`);
    this.addSql('create index clinical_audit_log_at_idx on clinical_audit_log (at desc, id desc)');
    this.addSql('create index clinical_audit_log_patient_idx on clinical_audit_log (patient_id, at desc)');
    this.addSql('create index clinical_audit_log_actor_idx on clinical_audit_log (actor_id, at desc)');

    this.addSql(`create or replace function refuse_append_only_change() returns trigger
      language plpgsql
      as $$ begin raise exception '% is append-only', tg_table_name using errcode = '55000'; end $$`);
    for (const table of APPEND_ONLY) {
      this.addSql(`create trigger ${table}_append_only before update or delete on ${table}
        for each row execute function refuse_append_only_change()`);
      this.addSql(`create trigger ${table}_no_truncate before truncate on ${table}
        for each statement execute function refuse_append_only_change()`);
    }
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists clinical_audit_log');
    this.addSql('drop table if exists medical_notes');
    this.addSql('drop function if exists refuse_append_only_change()');
    this
      .addSql(`alter table patients drop column if exists search_name, drop column if exists medical_history,
      drop constraint if exists patients_gender_check, drop constraint if exists patients_blood_group_check`);
    this.addSql('drop index if exists patients_newest_idx');
    this.addSql('drop function if exists fold_for_search(text)');
  }
}
