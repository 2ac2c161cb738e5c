import { Migration } from '@mikro-orm/migrations';

/**
 * Staff management: a deleted (soft) account frees its phone, email and username for a new account,
 * so uniqueness holds among live accounts only. Lists filter by centre.
 */
export class Migration20261125000010StaffManagement extends Migration {
  override async up(): Promise<void> {
    this.addSql('drop index if exists staff_users_phone_unique');
    this.addSql('drop index if exists staff_users_email_unique');
    this.addSql('drop index if exists staff_users_username_unique');
    this.addSql(
      'create unique index staff_users_phone_unique on staff_users (phone) where deleted_at is null',
    );
    this.addSql(
      'create unique index staff_users_email_unique on staff_users (lower(email)) where email is not null and deleted_at is null',
    );
    this.addSql(
      'create unique index staff_users_username_unique on staff_users (lower(username)) where username is not null and deleted_at is null',
    );
    this.addSql('create index staff_users_centre_idx on staff_users (centre_id) where deleted_at is null');
  }

  override async down(): Promise<void> {
    this.addSql('drop index if exists staff_users_centre_idx');
    this.addSql('drop index if exists staff_users_phone_unique');
    this.addSql('drop index if exists staff_users_email_unique');
    this.addSql('drop index if exists staff_users_username_unique');
    this.addSql('create unique index staff_users_phone_unique on staff_users (phone)');
    this.addSql(
      'create unique index staff_users_email_unique on staff_users (lower(email)) where email is not null',
    );
    this.addSql(
      'create unique index staff_users_username_unique on staff_users (lower(username)) where username is not null',
    );
  }
}
