import { Migration } from '@mikro-orm/migrations';

/**
 * The fake Razorpay's side of things (orders, payment links, payments with their refunds), kept in
 * the database so every process running the fake (API instances, the worker) sees the same provider.
 * Used only where no Razorpay keys are configured; the table exists everywhere and stays empty then.
 */
export class Migration20261125000014FakeRazorpayLedger extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table dev_fake_razorpay (
      provider_id text primary key,
      kind text not null check (kind in ('order', 'link', 'payment')),
      body jsonb not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists dev_fake_razorpay');
  }
}
