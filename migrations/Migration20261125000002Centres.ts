import { Migration } from '@mikro-orm/migrations';

/** Clinic centres. Deleting one is soft: appointments and payments keep referring to its row. */
export class Migration20261125000002Centres extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table centres (
      id serial primary key,
      name text not null check (length(name) between 1 and 200),
      city text not null check (length(city) between 1 and 100),
      address text not null check (length(address) between 1 and 500),
      phone text null check (phone ~ '^\\+[1-9][0-9]{7,14}$'),
      email text null check (length(email) between 3 and 254),
      timezone text not null default 'Asia/Kolkata' check (length(timezone) between 1 and 64),
      is_active boolean not null default true,
      deleted_at timestamptz null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`);
    // Two live centres may not share a name in one city; a deleted one frees its name.
    this.addSql(
      'create unique index centres_name_city_unique on centres (lower(name), lower(city)) where deleted_at is null',
    );
    this.addSql('create index centres_city_idx on centres (lower(city)) where deleted_at is null');
  }

  override async down(): Promise<void> {
    this.addSql('drop table if exists centres');
  }
}
