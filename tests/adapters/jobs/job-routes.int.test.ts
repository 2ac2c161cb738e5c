import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStaff, staffLogin } from '../../support/builders.js';
import { waitForJobs } from '../../support/jobs.js';
import { startTestApi, type TestApi } from '../../support/test-api.js';

/** GET /api/jobs: failed jobs stay visible to admins, payloads never leave the database. */
const METRICS_TOKEN = 'metrics-token-for-jobs-tests-0123456789';

describe('GET /api/jobs', () => {
  let t: TestApi;
  let admin: string;
  let frontDesk: string;
  beforeAll(async () => {
    t = await startTestApi({ METRICS_TOKEN });
    admin = (await staffLogin(t, await seedStaff(t, { role: 'ADMIN' }))).accessToken;
    frontDesk = (await staffLogin(t, await seedStaff(t, { role: 'FRONT_DESK' }))).accessToken;
    // Jobs no handler runs fail for good; one is far in the future and stays open.
    await t.api.infra.orm.em.fork().execute(
      `insert into outbox_jobs (name, key, payload, run_at) values
         ('test.orphan', 'orphan:1', '{"phone":"+919800000001"}', now() - interval '1 minute'),
         ('test.orphan', 'orphan:2', '{"phone":"+919800000002"}', now() - interval '1 minute'),
         ('test.later', 'later:1', '{"phone":"+919800000003"}', now() + interval '10 days')`,
    );
    await waitForJobs(t, { timeoutMs: 5000 });
  });
  afterAll(async () => t?.close());

  it('lists failed jobs with their last error and no payload', async () => {
    const res = await t.request('GET', '/api/jobs?status=failed', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ page: 1, limit: 20, total: 2 });
    expect(res.body.data.map((job: any) => job.key).sort()).toEqual(['orphan:1', 'orphan:2']);
    expect(res.body.data[0]).toEqual({
      id: expect.any(Number),
      name: 'test.orphan',
      key: expect.stringMatching(/^orphan:/),
      attempts: 1,
      lastError: 'no handler for job test.orphan',
      runAt: expect.any(String),
      completedAt: null,
      failedAt: expect.any(String),
    });
    expect(res.text).not.toContain('+91980000000');
  });

  it('lists open and done jobs, and pages', async () => {
    const open = await t.request('GET', '/api/jobs?status=open', { token: admin });
    expect(open.body.data.map((job: any) => job.key)).toEqual(['later:1']);
    const done = await t.request('GET', '/api/jobs?status=done', { token: admin });
    expect(done.body).toMatchObject({ data: [], meta: { total: 0 } });
    const page = await t.request('GET', '/api/jobs?limit=2&page=2', { token: admin });
    expect(page.body.meta).toEqual({ page: 2, limit: 2, total: 3 });
    expect(page.body.data).toHaveLength(1);
  });

  it('is for admins only, and validates its query', async () => {
    expect((await t.request('GET', '/api/jobs')).status).toBe(401);
    expect((await t.request('GET', '/api/jobs', { token: frontDesk })).status).toBe(403);
    const bad = await t.request('GET', '/api/jobs?status=lost', { token: admin });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('VALIDATION_ERROR');
    expect((await t.request('GET', '/api/jobs?colour=red', { token: admin })).status).toBe(400);
  });

  it('counts jobs by status in the metrics', async () => {
    const res = await t.request('GET', '/api/metrics', { token: METRICS_TOKEN });
    expect(res.text).toContain('mibo_outbox_jobs{status="failed"} 2');
    expect(res.text).toContain('mibo_outbox_jobs{status="open"} 1');
  });
});
