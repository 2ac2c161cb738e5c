import { Migration } from '@mikro-orm/migrations';

/**
 * The transactional outbox and the durable record of every job: written in the transaction that
 * causes the work, moved to the queue by the relay, marked done or failed by the worker. The unique
 * key makes recording the same work twice a no-op; rows not done are re-queued after a restart or a
 * lost Redis, and handlers are idempotent, so work is neither lost nor done twice.
 */
export class Migration20261125000006Outbox extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table outbox_jobs (
      id bigserial primary key,
      name text not null,
      key text not null,
      payload jsonb not null,
      run_at timestamptz not null,
      created_at timestamptz not null default now(),
      enqueued_at timestamptz null,
      attempts integer not null default 0,
      completed_at timestamptz null,
      failed_at timestamptz null,
      last_error text null,
      constraint outbox_jobs_key_unique unique (key)
    )`);
    this.addSql(
      `create index outbox_jobs_open_idx on outbox_jobs (run_at) where completed_at is null and failed_at is null`,
    );
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists outbox_jobs');
  }
}
