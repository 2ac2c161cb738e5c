import { afterEach, describe, expect, it } from 'vitest';
import { T } from '../../../src/bootstrap/tokens.js';
import { redisSkipReason, redisUrl, requireServices } from '../../support/services.js';
import { startTestApi, type TestApi } from '../../support/test-api.js';

/**
 * Jobs in the API process: the outbox the application writes to wakes this process's relay (no poll
 * needed), and WORKER=off keeps workers out. Jobs no handler runs fail for good at once, which shows
 * they were run.
 */
describe('background jobs in the API process', () => {
  const open: TestApi[] = [];
  afterEach(async () => {
    for (const t of open.splice(0)) await t.close();
  });

  async function start(env: Record<string, string>): Promise<TestApi> {
    const t = await startTestApi(env);
    open.push(t);
    return t;
  }

  const recordThroughOutbox = (t: TestApi, key: string) =>
    t.inContext(() =>
      t.api.container
        .get(T.UnitOfWork)
        .run(() => t.api.container.get(T.Outbox).add([{ name: 'test.orphan', key, payload: {} }])),
    );

  const rowOf = async (t: TestApi, key: string): Promise<Record<string, any>> =>
    (await t.api.infra.orm.em.fork().execute('select * from outbox_jobs where key = ?', [key]))[0]!;

  async function until(check: () => Promise<boolean>, what: string): Promise<void> {
    const deadline = Date.now() + 5000;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`still waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  it('runs a job written through the outbox at once, without waiting for the next poll', async () => {
    const t = await start({ OUTBOX_POLL_MS: '600000' });
    await new Promise((resolve) => setTimeout(resolve, 100)); // the relay's first pass is over
    await recordThroughOutbox(t, 'woken');
    await until(async () => (await rowOf(t, 'woken')).failed_at !== null, 'the job to run');
    expect((await rowOf(t, 'woken')).last_error).toBe('no handler for job test.orphan');
  });

  it.skipIf(!redisUrl && !requireServices)(
    `with WORKER=off and Redis, hands jobs to the queue but runs none${redisSkipReason}`,
    async () => {
      const t = await start({ WORKER: 'off', REDIS_URL: redisUrl! });
      await recordThroughOutbox(t, 'queued');
      await until(async () => (await rowOf(t, 'queued')).enqueued_at !== null, 'the job to be handed over');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await rowOf(t, 'queued')).toMatchObject({ attempts: 0, completed_at: null, failed_at: null });
      expect(t.api.container.get(T.BackgroundJobs).description).toContain('no workers in this process');
    },
  );
});
