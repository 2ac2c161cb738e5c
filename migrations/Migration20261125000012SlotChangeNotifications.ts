import { Migration } from '@mikro-orm/migrations';

/**
 * Every API process caches open-slot inputs; these triggers tell them what changed, whoever wrote it
 * (booking, payments, jobs, an operator's psql). NOTIFY is delivered at commit, so a process never
 * evicts before the change is visible. Payload: a clinician id, or `all`.
 */
export class Migration20261125000012SlotChangeNotifications extends Migration {
  override async up(): Promise<void> {
    // Only what changes taken time: payments and notes updating an appointment stay silent.
    this.addSql(`create or replace function mibo_notify_appointment_slot_change() returns trigger
      language plpgsql as $$
      begin
        if tg_op in ('UPDATE', 'DELETE') then
          if tg_op = 'DELETE' or (old.clinician_id, old.start_at, old.end_at, old.status, old.hold_expires_at)
              is distinct from (new.clinician_id, new.start_at, new.end_at, new.status, new.hold_expires_at) then
            perform pg_notify('mibo_slot_changes', old.clinician_id::text);
          end if;
        end if;
        if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.clinician_id <> old.clinician_id) then
          perform pg_notify('mibo_slot_changes', new.clinician_id::text);
        end if;
        return null;
      end $$`);
    this.addSql(`create or replace function mibo_notify_clinician_slot_change() returns trigger
      language plpgsql as $$
      begin
        perform pg_notify('mibo_slot_changes', (case when tg_op = 'DELETE' then old.id else new.id end)::text);
        return null;
      end $$`);
    // Centres are few and rarely change: every cached entry may depend on one.
    this.addSql(`create or replace function mibo_notify_all_slots_changed() returns trigger
      language plpgsql as $$
      begin
        perform pg_notify('mibo_slot_changes', 'all');
        return null;
      end $$`);
    for (const [table, fn] of [
      ['appointments', 'mibo_notify_appointment_slot_change'],
      ['clinicians', 'mibo_notify_clinician_slot_change'],
      ['centres', 'mibo_notify_all_slots_changed'],
    ] as const) {
      this.addSql(`create trigger ${table}_slot_change after insert or update or delete on ${table}
        for each row execute function ${fn}()`);
      this.addSql(`create trigger ${table}_slot_truncate after truncate on ${table}
        for each statement execute function mibo_notify_all_slots_changed()`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['appointments', 'clinicians', 'centres']) {
      this.addSql(`drop trigger if exists ${table}_slot_change on ${table}`);
      this.addSql(`drop trigger if exists ${table}_slot_truncate on ${table}`);
    }
    this.addSql('drop function if exists mibo_notify_appointment_slot_change()');
    this.addSql('drop function if exists mibo_notify_clinician_slot_change()');
    this.addSql('drop function if exists mibo_notify_all_slots_changed()');
  }
}
