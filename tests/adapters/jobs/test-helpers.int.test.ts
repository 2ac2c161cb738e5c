import { afterAll, describe, expect, it } from 'vitest';
import { T } from '../../../src/bootstrap/tokens.js';
import { openDueJobs, runJobsDueBy, waitForJobs } from '../../support/jobs.js';
import { redisSkipReason, redisUrl, requireServices } from '../../support/services.js';
import { startTestApi, type TestApi } from '../../support/test-api.js';

/**
 * The helpers other tests use, on a whole test API: jobs with no handler fail for good at once,
 * which is enough to see that the relay, the queue and the runner of the API all ran them.
 */
async function record(t: TestApi, key: string, runAt: Date): Promise<number> {
  const rows: Array<{ id: string }> = await t.api.infra.orm.em
    .fork()
    .execute(
      `insert into outbox_jobs (name, key, payload, run_at) values ('test.nobody-handles-this', ?, '{}', ?) returning id`,
      [key, runAt],
    );
  return Number(rows[0]!.id);
}

async function rowOf(t: TestApi, id: number): Promise<Record<string, any>> {
  const rows = await t.api.infra.orm.em.fork().execute('select * from outbox_jobs where id = ?', [id]);
  return rows[0]!;
}

const queues = [
  { kind: 'in-process', env: {} as Record<string, string>, skip: false, reason: '' },
  {
    kind: 'BullMQ',
    env: redisUrl ? { REDIS_URL: redisUrl } : ({} as Record<string, string>),
    skip: !redisUrl && !requireServices,
    reason: redisSkipReason,
  },
];

describe.each(queues)('job test helpers with the $kind queue', ({ kind, env, skip, reason }) => {
  let t: TestApi;
  afterAll(async () => t?.close());

  it.skipIf(skip)(
    `waitForJobs waits for due jobs and runJobsDueBy brings later ones forward${reason}`,
    async () => {
      t = await startTestApi(env);
      expect(t.api.container.get(T.JobQueue).label).toContain(kind);
      const now = Date.now();
      const due = await record(t, `due-${now}`, new Date(now - 1000));
      const tomorrow = await record(t, `tomorrow-${now}`, new Date(now + 86_400_000));
      const nextWeek = await record(t, `next-week-${now}`, new Date(now + 7 * 86_400_000));

      await waitForJobs(t, { timeoutMs: 5000 });
      expect((await rowOf(t, due)).failed_at).not.toBeNull();
      expect((await rowOf(t, due)).last_error).toContain('no handler for job test.nobody-handles-this');
      expect((await rowOf(t, tomorrow)).failed_at).toBeNull();

      expect(await runJobsDueBy(t, new Date(now + 2 * 86_400_000), { timeoutMs: 5000 })).toEqual([tomorrow]);
      expect((await rowOf(t, tomorrow)).failed_at).not.toBeNull();
      expect((await rowOf(t, nextWeek)).failed_at).toBeNull();
      expect(await openDueJobs(t)).toEqual([]);
    },
  );
});

describe('waitForJobs when jobs do not finish', () => {
  it('times out naming the jobs still open', async () => {
    const t = await startTestApi({ WORKER: 'off' });
    try {
      await record(t, `stuck-${Date.now()}`, new Date(Date.now() - 1000));
      await expect(waitForJobs(t, { timeoutMs: 300 })).rejects.toThrow(
        /1 due job\(s\) still open after 300 ms:\n {2}#\d+ test\.nobody-handles-this stuck-/,
      );
      expect(t.logs.join('')).toContain('WORKER=off without REDIS_URL');
    } finally {
      await t.close();
    }
  });
});
