import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedWorld, staffToken } from '../support/appointment-world.js';
import { randomPhone } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const ROUTES = [
  '/api/analytics/dashboard',
  '/api/analytics/top-doctors',
  '/api/analytics/revenue?period=week',
  '/api/analytics/leads-by-source',
];

describe('analytics: who may call, and what is refused', () => {
  let t: TestApi;
  let w: Awaited<ReturnType<typeof seedWorld>>;

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedWorld(t);
  });
  afterAll(async () => t.close());

  it('lets ADMIN, MANAGER and CENTRE_MANAGER in; 403 for the other roles and patients; 401 without a token', async () => {
    const allowed = [w.admin, await staffToken(t, 'MANAGER'), await staffToken(t, 'CENTRE_MANAGER', w.india)];
    const refused = [
      w.rao.token,
      await staffToken(t, 'CARE_COORDINATOR'),
      await staffToken(t, 'FRONT_DESK'),
      w.jane.token,
    ];
    for (const path of ROUTES) {
      for (const token of allowed)
        expect([path, (await t.request('GET', path, { token })).status]).toEqual([path, 200]);
      for (const token of refused) {
        const res = await t.request('GET', path, { token });
        expect([path, res.status, res.body.error?.code]).toEqual([path, 403, 'FORBIDDEN']);
      }
      const none = await t.request('GET', path);
      expect([path, none.status]).toEqual([path, 401]);
      const forged = await t.request('GET', path, { token: 'x.y.z' });
      expect([path, forged.status]).toEqual([path, 401]);
    }
  });

  it('answers 400 for bad queries and never 500', async () => {
    for (const path of [
      '/api/analytics/dashboard?centreId=abc',
      '/api/analytics/dashboard?centre=1',
      '/api/analytics/top-doctors?limit=101',
      '/api/analytics/top-doctors?page=0',
      '/api/analytics/revenue?period=decade',
      '/api/analytics/revenue?period=day&startDate=2026-02-30',
      '/api/analytics/revenue?period=week&startDate=2026-03-05&endDate=2026-03-01',
      '/api/analytics/revenue?period=month&startDate=2020-01-01&endDate=2026-03-01',
      '/api/analytics/leads-by-source?centreId=-1',
    ]) {
      const res = await t.request('GET', path, { token: w.admin });
      expect([path, res.status, res.body.error?.code]).toEqual([path, 400, 'VALIDATION_ERROR']);
    }
  });

  it('counts self sign-ups as Website and patients staff create as Walk-in unless told otherwise', async () => {
    const create = (body: Record<string, string>) =>
      t.request('POST', '/api/patients', { token: w.admin, body: { phone: randomPhone(), ...body } });
    expect((await create({ fullName: 'Walk In' })).status).toBe(201);
    expect((await create({ fullName: 'Sent By Friend', source: 'REFERRAL' })).status).toBe(201);
    const leads = await t.request('GET', '/api/analytics/leads-by-source', { token: w.admin });
    // Jane, Ravi and Anu signed themselves up.
    expect(leads.body.data).toEqual([
      { source: 'Website', count: 3, percentage: 60 },
      { source: 'Walk-in', count: 1, percentage: 20 },
      { source: 'Referral', count: 1, percentage: 20 },
    ]);
  });

  it('gives a centre manager tied to no centre nothing, and an unknown centre zeros', async () => {
    const orphan = await staffToken(t, 'CENTRE_MANAGER');
    const dashboard = await t.request('GET', '/api/analytics/dashboard', { token: orphan });
    expect(dashboard.body.data).toMatchObject({ totalPatients: 0, totalDoctors: 0, totalRevenue: 0 });
    const all = await t.request('GET', '/api/analytics/dashboard', { token: w.admin });
    expect(all.body.data.totalPatients).toBeGreaterThanOrEqual(3);
    expect(all.body.data.totalDoctors).toBe(2);
    const leads = await t.request('GET', '/api/analytics/leads-by-source?centreId=999999', {
      token: w.admin,
    });
    expect([leads.status, leads.body.data]).toEqual([200, []]);
    const revenue = await t.request('GET', '/api/analytics/revenue?period=week', { token: orphan });
    expect(revenue.body.data.revenueByDate).toHaveLength(7);
    expect(revenue.body.data.totalRevenue).toBe(0);
  });
});
