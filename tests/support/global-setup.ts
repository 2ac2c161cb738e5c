import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbeddedPostgres } from '../../src/adapters/persistence/embedded-postgres.js';
import { migrateUnderLock } from '../../src/adapters/persistence/migrate.js';
import { openOrm } from '../../src/adapters/persistence/orm.js';
import { existsSync } from 'node:fs';
import { databaseUrl, redisUrl } from './services.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseTemplate: string;
    pgliteSnapshot: string;
  }
}

/**
 * Migrates once per run: on a server into a template database that each test file copies, on PGlite
 * into a snapshot each test file loads (initialising PGlite from scratch costs seconds).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  announceServices();
  if (databaseUrl) {
    const template = `mibo_tpl_${process.pid}_${Date.now()}`;
    await adminQuery(`create database ${template}`);
    const orm = await openOrm({ url: withDatabase(databaseUrl, template), poolMax: 2 });
    await migrateUnderLock(orm, null);
    await orm.close(true);
    project.provide('databaseTemplate', template);
    project.provide('pgliteSnapshot', '');
    return async () => {
      await adminQuery(`drop database if exists ${template} with (force)`);
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'mibo-test-'));
  const embedded = await startEmbeddedPostgres(null);
  const orm = await openOrm({ url: embedded.url, poolMax: 1 });
  await migrateUnderLock(orm, null);
  await orm.close(true);
  const snapshot = await embedded.db.dumpDataDir('none');
  const file = join(dir, 'snapshot.tar');
  writeFileSync(file, Buffer.from(await snapshot.arrayBuffer()));
  await embedded.close();
  project.provide('databaseTemplate', '');
  project.provide('pgliteSnapshot', file);
  return async () => rmSync(dir, { recursive: true, force: true });
}

export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Says once, before any test, what this run uses and what it will skip and why. */
function announceServices(): void {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const lines = [
    databaseUrl
      ? 'database tests: PostgreSQL server from DATABASE_URL'
      : 'database tests: embedded PGlite (DATABASE_URL is not set; tests that need a PostgreSQL server are skipped)',
    redisUrl ? 'Redis tests: REDIS_URL' : 'Redis tests: SKIPPED (REDIS_URL is not set)',
    existsSync(chromium) ? `browser test: ${chromium}` : `browser test: SKIPPED (no Chromium at ${chromium})`,
  ];
  console.log(`\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
}
