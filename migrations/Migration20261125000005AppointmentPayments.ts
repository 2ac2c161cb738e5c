import { Migration } from '@mikro-orm/migrations';

/**
 * Where an appointment's fee is paid: the provider's order (a patient's booking creates it before its
 * transaction, so the order's receipt cannot be the appointment id and this column links the two) or
 * the payment link a staff booking sends. The billing work reads them to verify payments.
 */
export class Migration20261125000005AppointmentPayments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table appointments
      add column payment_order_id text null,
      add column payment_link_id text null,
      add column payment_link_url text null`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table appointments
      drop column if exists payment_link_url,
      drop column if exists payment_link_id,
      drop column if exists payment_order_id`);
  }
}
