import { Writable } from 'node:stream';
import type { MikroORM } from '@mikro-orm/postgresql';
import pino, { type Logger } from 'pino';
import { JobRunner } from '../../../src/adapters/jobs/job-runner.js';
import { OutboxRelay, type RelaySettings } from '../../../src/adapters/jobs/outbox-relay.js';
import { openOrm } from '../../../src/adapters/persistence/orm.js';
import { OutboxStore } from '../../../src/adapters/persistence/outbox-store.js';
import {
  PermanentJobFailure,
  RetryLater,
  type JobHandler,
} from '../../../src/application/shared/ports/job-handler.js';
import type { JobQueue } from '../../../src/application/shared/ports/job-queue.js';
import type { Job } from '../../../src/application/shared/ports/outbox.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';

/**
 * A database of its own with the outbox, and test handlers that count their runs by key:
 * `test.count` succeeds; `test.flaky` fails `payload.failures` times first; `test.broken` always
 * fails; `test.gone` fails permanently.
 */
export interface JobWorld {
  orm: MikroORM;
  logger: Logger;
  logs: string[];
  runs: Map<string, number>;
  handlers: JobHandler[];
  record(jobs: Job[]): Promise<void>;
  rows(): Promise<Array<Record<string, any>>>;
  /** A relay and a runner on `queue`; the runner's dispatch is not attached. */
  pipeline(
    queue: JobQueue,
    settings?: Partial<RelaySettings>,
    maxAttempts?: number,
  ): { relay: OutboxRelay; runner: JobRunner };
  close(): Promise<void>;
}

export async function openJobWorld(): Promise<JobWorld> {
  const database: TestDatabase = await createTestDatabase();
  const logs: string[] = [];
  const logger = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString('utf8'));
        done();
      },
    }),
  );
  const orm = await openOrm({ url: database.url, poolMax: database.poolMax });
  const runs = new Map<string, number>();
  const count = (key: string) => {
    const n = (runs.get(key) ?? 0) + 1;
    runs.set(key, n);
    return n;
  };
  const handlers: JobHandler[] = [
    { name: 'test.count', run: async (_payload, { key }) => void count(key) },
    {
      name: 'test.flaky',
      run: async (payload, { key }) => {
        if (count(key) <= Number(payload.failures))
          throw new Error(`flaky failure for ${String(payload.phone)}`);
      },
    },
    {
      name: 'test.broken',
      run: async (_payload, { key }) => {
        count(key);
        throw new Error('gateway refused');
      },
    },
    {
      name: 'test.busy',
      run: async (payload, { key }) => {
        if (count(key) <= Number(payload.busy)) throw new RetryLater('held by another worker', 50);
      },
    },
    {
      name: 'test.gone',
      run: async (_payload, { key }) => {
        count(key);
        throw new PermanentJobFailure('appointment no longer exists');
      },
    },
  ];
  return {
    orm,
    logger,
    logs,
    runs,
    handlers,
    record: (jobs) => orm.em.fork().transactional((em) => new OutboxStore(em).add(jobs)),
    rows: () => orm.em.fork().execute('select * from outbox_jobs order by id'),
    pipeline(queue, settings = {}, maxAttempts = 3) {
      return {
        relay: new OutboxRelay(orm, queue, logger, { pollMs: 50, staleMs: 60_000, ...settings }),
        runner: new JobRunner(orm, handlers, logger, maxAttempts),
      };
    },
    async close() {
      await orm.close(true);
      await database.drop();
    },
  };
}

export async function until(check: () => boolean | Promise<boolean>, what: string, ms = 8000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
