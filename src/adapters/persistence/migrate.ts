import pg from 'pg';
import type { MikroORM } from '@mikro-orm/postgresql';

/** Any fixed number: every Mibo process that starts against one database takes the same lock. */
const STARTUP_LOCK = 72_616_801;

/**
 * Applies pending migrations, then runs `afterMigrate` (e.g. the bootstrap admin), under a PostgreSQL
 * advisory lock so several API processes and workers can start at once. The embedded database has
 * a single process by construction (its data directory is locked), so it needs no lock.
 */
export async function migrateUnderLock(
  orm: MikroORM,
  lockUrl: string | null,
  afterMigrate: () => Promise<void> = async () => undefined,
): Promise<void> {
  if (lockUrl === null) {
    await orm.getMigrator().up();
    await afterMigrate();
    return;
  }
  const client = new pg.Client({ connectionString: lockUrl, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    await orm.getMigrator().up();
    await afterMigrate();
  } finally {
    await client.query('select pg_advisory_unlock($1)', [STARTUP_LOCK]).catch(() => undefined);
    await client.end();
  }
}
