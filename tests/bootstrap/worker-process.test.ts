import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { openOrm } from '../../src/adapters/persistence/orm.js';
import { OutboxStore } from '../../src/adapters/persistence/outbox-store.js';
import { databaseUrl, redisSkipReason, redisUrl, requireServices } from '../support/services.js';
import { createTestDatabase } from '../support/test-database.js';

/**
 * `npm run worker` as real processes (with one extra handler, `test.sleep`: see worker-fixture.ts) on
 * a database of their own and a BullMQ queue of their own: killed mid-job, two at once, SIGTERM.
 */
interface Worker {
  child: ChildProcess;
  pid: number;
  output(): string;
  exited: Promise<number | null>;
}

interface Run {
  key: string;
  pid: number;
  event: 'start' | 'finish';
}

// Worker processes need a database server they can all reach (embedded PGlite serves one client).
const skipReason = !redisUrl
  ? redisSkipReason
  : !databaseUrl
    ? ' (skipped: DATABASE_URL is not set; CI sets it)'
    : '';

describe.skipIf(Boolean(skipReason) && !requireServices)('npm run worker' + skipReason, () => {
  /** The tests run concurrently: each cleans up only what it made, when it ends. */
  async function setUp(onTestFinished: (fn: () => Promise<void>) => void) {
    const cleanup: Array<() => Promise<unknown>> = [];
    onTestFinished(async () => {
      for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
    });
    const database = await createTestDatabase();
    cleanup.push(() => database.drop());
    const orm = await openOrm({ url: database.url, poolMax: 2 });
    cleanup.push(() => orm.close(true));
    await orm.em.fork().execute('create table test_job_runs (key text, pid int, event text)');
    const prefix = `mibo-test-${randomUUID()}`;
    const spawnWorker = (): Worker => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'tests/adapters/jobs/worker-fixture.ts'], {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'test',
          LOG_LEVEL: 'info',
          DATABASE_URL: database.url,
          REDIS_URL: redisUrl!,
          QUEUE_PREFIX: prefix,
          JOB_STALLED_MS: '2000',
          JOB_BACKOFF_MS: '100',
          OUTBOX_POLL_MS: '100',
          DB_POOL_MAX: '3',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      cleanup.push(async () => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        await exited;
      });
      return { child, pid: child.pid!, output: () => out, exited };
    };
    return { orm, spawnWorker };
  }

  const record = (orm: MikroORM, jobs: Array<{ key: string; ms: number }>) =>
    orm.em
      .fork()
      .transactional((em) =>
        new OutboxStore(em).add(jobs.map(({ key, ms }) => ({ name: 'test.sleep', key, payload: { ms } }))),
      );
  const runs = (orm: MikroORM): Promise<Run[]> =>
    orm.em.fork().execute('select key, pid, event from test_job_runs order by key, event');
  const rowOf = async (orm: MikroORM, key: string): Promise<Record<string, any>> =>
    (await orm.em.fork().execute('select * from outbox_jobs where key = ?', [key]))[0]!;

  async function until<T>(
    check: () => Promise<T | undefined | false>,
    what: string,
    workers: Worker[],
  ): Promise<T> {
    const deadline = Date.now() + 25_000;
    for (;;) {
      const value = await check();
      if (value) return value;
      if (Date.now() > deadline) {
        throw new Error(
          `still waiting for ${what}; worker output:\n${workers.map((w) => w.output()).join('\n')}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it.concurrent(
    'two workers share one queue: no job twice; one killed mid-job, the other runs it again',
    async ({ onTestFinished }) => {
      const { orm, spawnWorker } = await setUp(onTestFinished);
      const workers = [spawnWorker(), spawnWorker()];
      const quick = Array.from({ length: 12 }, (_, i) => ({
        key: `quick-${String(i).padStart(2, '0')}`,
        ms: 50,
      }));
      await record(orm, quick);
      await until(
        async () => (await runs(orm)).filter((r) => r.event === 'finish').length >= quick.length,
        'the quick jobs',
        workers,
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const finished = (await runs(orm)).filter((r) => r.event === 'finish').map((r) => r.key);
      expect(finished).toEqual(quick.map((q) => q.key));

      await record(orm, [{ key: 'long', ms: 2500 }]);
      const first = await until(
        async () => (await runs(orm)).find((r) => r.key === 'long' && r.event === 'start'),
        'the long job to start',
        workers,
      );
      const victim = workers.find((w) => w.pid === first.pid)!;
      victim.child.kill('SIGKILL');
      await victim.exited;
      const survivor = workers.find((w) => w !== victim)!;
      await until(
        async () => (await runs(orm)).find((r) => r.key === 'long' && r.event === 'finish'),
        'the long job to run again',
        workers,
      );
      const long = (await runs(orm)).filter((r) => r.key === 'long');
      const pids = (event: string) => long.filter((r) => r.event === event).map((r) => r.pid);
      expect(pids('start').sort()).toEqual([victim.pid, survivor.pid].sort());
      expect(pids('finish')).toEqual([survivor.pid]);
      await until(
        async () => (await rowOf(orm, 'long')).completed_at !== null,
        'the row marked done',
        workers,
      );
      expect((await rowOf(orm, 'long')).attempts).toBe(2);
    },
  );

  it.concurrent('SIGTERM lets a running job finish before the worker exits', async ({ onTestFinished }) => {
    const { orm, spawnWorker } = await setUp(onTestFinished);
    const worker = spawnWorker();
    await record(orm, [{ key: 'graceful', ms: 1500 }]);
    await until(async () => (await runs(orm)).length > 0, 'the job to start', [worker]);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(await runs(orm)).toEqual([
      { key: 'graceful', pid: worker.pid, event: 'finish' },
      { key: 'graceful', pid: worker.pid, event: 'start' },
    ]);
    expect((await rowOf(orm, 'graceful')).completed_at).not.toBeNull();
    // Logs are buffered and flushed on exit (logger.ts): a clean exit has them all.
    expect(worker.output()).toContain('jobs: BullMQ on Redis');
    expect(worker.output()).toContain('worker stopped');
  });
});
