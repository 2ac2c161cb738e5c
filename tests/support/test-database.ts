import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import { startEmbeddedPostgres } from '../../src/adapters/persistence/embedded-postgres.js';
import type { DatabaseOverride } from '../../src/bootstrap/infrastructure.js';
import { adminQuery, withDatabase } from './global-setup.js';
import { databaseUrl } from './services.js';

export interface TestDatabase extends DatabaseOverride {
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own: a copy of the run's template, or PGlite from the snapshot. */
export async function createTestDatabase(): Promise<TestDatabase> {
  if (databaseUrl) {
    const name = `mibo_t_${randomBytes(6).toString('hex')}`;
    await adminQuery(`create database ${name} template ${inject('databaseTemplate')}`);
    return {
      url: withDatabase(databaseUrl, name),
      poolMax: 4,
      lock: true,
      drop: () => adminQuery(`drop database if exists ${name} with (force)`),
    };
  }
  const snapshot = new Blob([readFileSync(inject('pgliteSnapshot'))]);
  const embedded = await startEmbeddedPostgres(null, { loadDataDir: snapshot });
  return { url: embedded.url, poolMax: 1, lock: false, drop: () => embedded.close() };
}
