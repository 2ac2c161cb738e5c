import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsQueries } from '../../src/application/analytics/queries/analytics-queries.js';
import type { StaffActor } from '../../src/application/shared/actor.js';
import { T } from '../../src/bootstrap/tokens.js';
import { Roles } from '../../src/domain/identity/role.js';
import { staffToken } from '../support/appointment-world.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { NOW, seedAnalyticsWorld } from './analytics-world.js';

/** Every expected figure below is worked out by hand from analytics-world.ts. */
describe('analytics figures on a fixed data set', () => {
  let t: TestApi;
  let w: Awaited<ReturnType<typeof seedAnalyticsWorld>>;
  let manager = '';
  let indiaManager = '';

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedAnalyticsWorld(t);
    manager = await staffToken(t, 'MANAGER');
    indiaManager = await staffToken(t, 'CENTRE_MANAGER', w.india);
  });
  afterAll(async () => t.close());

  const get = async (path: string, token = w.admin) => {
    const res = await t.request('GET', path, { token });
    expect([path, res.status]).toEqual([path, 200]);
    return res.body;
  };
  /** The same queries with the clock stopped at NOW, for the figures that depend on today. */
  const at = (actor: Partial<StaffActor> = {}) => {
    const queries = new AnalyticsQueries(t.api.container.get(T.AnalyticsReads), { now: () => NOW });
    const who: StaffActor = { kind: 'staff', userId: 1, roleId: Roles.ADMIN, centreId: null, ...actor };
    return {
      dashboard: (centreId?: number) => t.inContext(() => queries.dashboard(centreId, who)),
      revenue: (input: Parameters<AnalyticsQueries['revenue']>[0]) =>
        t.inContext(() => queries.revenue(input, who)),
    };
  };

  it('counts patients, doctors, follow-ups and revenue (captured minus refunds) per centre and overall', async () => {
    const figures = (data: Record<string, number>) => ({
      totalPatients: data.totalPatients,
      totalDoctors: data.totalDoctors,
      totalFollowUps: data.totalFollowUps,
      totalRevenue: data.totalRevenue,
    });
    // Bangalore: Jane, Ravi, Anu; Dr. Rao (Dr. Iyer is inactive); follow-ups a2, a8; 1500 + 1000 + 800 − 800.
    const india = await get(`/api/analytics/dashboard?centreId=${w.india}`);
    expect(figures(india.data)).toEqual({
      totalPatients: 3,
      totalDoctors: 1,
      totalFollowUps: 2,
      totalRevenue: 2500,
    });
    // New York: Dev, Jane, Ravi; Dr. Shah; follow-ups b2, and b3 (Jane saw Dr. Rao in Bangalore first); 2000 + 2500.
    const newYork = await get(`/api/analytics/dashboard?centreId=${w.newYork}`);
    expect(figures(newYork.data)).toEqual({
      totalPatients: 3,
      totalDoctors: 1,
      totalFollowUps: 2,
      totalRevenue: 4500,
    });
    // Everyone: all six patients (Ola and Kiran have no appointment), both active clinicians.
    const all = await get('/api/analytics/dashboard', manager);
    expect(figures(all.data)).toEqual({
      totalPatients: 6,
      totalDoctors: 2,
      totalFollowUps: 4,
      totalRevenue: 7000,
    });
    expect(Object.keys(all.data).sort()).toEqual(
      [
        'appointmentsThisMonth',
        'appointmentsThisWeek',
        'appointmentsToday',
        'totalDoctors',
        'totalFollowUps',
        'totalPatients',
        'totalRevenue',
      ].sort(),
    );
  });

  it("counts today, this week and this month in each appointment's own centre's zone", async () => {
    const windows = (f: {
      appointmentsToday: number;
      appointmentsThisWeek: number;
      appointmentsThisMonth: number;
    }) => [f.appointmentsToday, f.appointmentsThisWeek, f.appointmentsThisMonth];
    // Bangalore's Monday 2 March: a2 today; a2, a8 this week; a2, a8, a7 this month (a3, a5 cancelled).
    expect(windows(await at().dashboard(w.india))).toEqual([1, 2, 3]);
    // New York's Sunday 1 March: b2 today (already 2 March in UTC); b2, b3 in the week of 23 February; b2 in March.
    expect(windows(await at().dashboard(w.newYork))).toEqual([1, 2, 1]);
    expect(windows(await at().dashboard())).toEqual([2, 4, 4]);
    // A centre manager gets their own centre whatever they ask for.
    expect(await at({ roleId: Roles.CENTRE_MANAGER, centreId: w.india }).dashboard(w.newYork)).toEqual(
      await at().dashboard(w.india),
    );
  });

  it('gives revenue by local day or month, refunds on their own day, for each period ending today', async () => {
    const rows = (r: { rows: Array<{ label: string; paise: number }> }) =>
      r.rows.map((x) => [x.label, x.paise / 100]);
    // Bangalore's last 7 days to 2 March: 800 captured on 27 Feb, refunded on 1 March; 1000 on 2 March.
    const week = await at().revenue({ period: 'week', centreId: w.india });
    expect(rows(week)).toEqual([
      ['2026-02-24', 0],
      ['2026-02-25', 0],
      ['2026-02-26', 0],
      ['2026-02-27', 800],
      ['2026-02-28', 0],
      ['2026-03-01', -800],
      ['2026-03-02', 1000],
    ]);
    expect(week.totalRevenuePaise).toBe(100_000);
    // New York's week ends on its own 1 March; the 2500 was paid on its 28 February.
    const nyWeek = await at().revenue({ period: 'week', centreId: w.newYork });
    expect([nyWeek.rows[0]!.label, nyWeek.rows[6]!.label, nyWeek.totalRevenuePaise]).toEqual([
      '2026-02-23',
      '2026-03-01',
      250_000,
    ]);
    expect(rows(nyWeek)[5]).toEqual(['2026-02-28', 2500]);
    expect(rows(await at().revenue({ period: 'day', centreId: w.india }))).toEqual([['2026-03-02', 1000]]);
    expect(rows(await at().revenue({ period: 'month' }))).toEqual([
      ['2026-03-01', -800],
      ['2026-03-02', 1000],
    ]);
    const year = await at().revenue({ period: 'year' });
    expect(rows(year)).toEqual([
      ['2026-01', 2000],
      ['2026-02', 4800],
      ['2026-03', 200],
    ]);
    expect(year.totalRevenuePaise).toBe(700_000);
  });

  it('answers revenue over HTTP for a given window, in rupees', async () => {
    const year = await get('/api/analytics/revenue?period=year&startDate=2026-01-01&endDate=2026-03-31');
    expect(year.data).toEqual({
      period: 'year',
      totalRevenue: 7000,
      revenueByDate: [
        { date: '2026-01', revenue: 2000 },
        { date: '2026-02', revenue: 4800 },
        { date: '2026-03', revenue: 200 },
      ],
    });
    const days = await get('/api/analytics/revenue?period=month&startDate=2026-02-27&endDate=2026-03-01');
    expect(days.data.revenueByDate).toEqual([
      { date: '2026-02-27', revenue: 800 },
      { date: '2026-02-28', revenue: 2500 },
      { date: '2026-03-01', revenue: -800 },
    ]);
    expect(days.data.totalRevenue).toBe(2500);
    const mine = await get(
      `/api/analytics/revenue?period=month&startDate=2026-02-27&endDate=2026-03-01&centreId=${w.newYork}`,
      indiaManager,
    );
    expect(mine.data.totalRevenue).toBe(0); // Bangalore's: 800 − 800
  });

  it('ranks doctors by appointments, with revenue and average rating', async () => {
    const all = await get('/api/analytics/top-doctors');
    expect(all.data).toEqual([
      {
        clinicianId: w.rao.id,
        clinicianName: 'Dr. Arjun Rao',
        totalAppointments: 7,
        totalRevenue: 2500,
        averageRating: 4.5,
      },
      {
        clinicianId: w.shah.id,
        clinicianName: 'Dr. Nisha Shah',
        totalAppointments: 2,
        totalRevenue: 4500,
        averageRating: 3,
      },
    ]);
    expect(all.meta).toEqual({ page: 1, limit: 20, total: 2 });
    const newYork = await get(`/api/analytics/top-doctors?centreId=${w.newYork}`);
    expect(newYork.data).toEqual([
      expect.objectContaining({
        clinicianId: w.shah.id,
        totalAppointments: 2,
        totalRevenue: 4500,
        averageRating: 3,
      }),
      expect.objectContaining({
        clinicianId: w.rao.id,
        totalAppointments: 1,
        totalRevenue: 0,
        averageRating: null,
      }),
    ]);
    const second = await get(`/api/analytics/top-doctors?centreId=${w.newYork}&limit=1&page=2`);
    expect([second.data.map((d: { clinicianId: number }) => d.clinicianId), second.meta.total]).toEqual([
      [w.rao.id],
      2,
    ]);
    const india = await get(`/api/analytics/top-doctors?centreId=${w.newYork}`, indiaManager);
    expect(india.data).toEqual([
      {
        clinicianId: w.rao.id,
        clinicianName: 'Dr. Arjun Rao',
        totalAppointments: 6,
        totalRevenue: 2500,
        averageRating: 4.5,
      },
    ]);
  });

  it('splits patients by source with whole percentages that add up to 100', async () => {
    const all = await get('/api/analytics/leads-by-source');
    expect(all.data).toEqual([
      { source: 'Website', count: 2, percentage: 33 },
      { source: 'WhatsApp', count: 1, percentage: 17 },
      { source: 'Walk-in', count: 1, percentage: 17 },
      { source: 'Referral', count: 1, percentage: 17 },
      { source: 'Phone', count: 1, percentage: 16 },
    ]);
    const newYork = await get(`/api/analytics/leads-by-source?centreId=${w.newYork}`);
    expect(newYork.data).toEqual([
      { source: 'Website', count: 1, percentage: 34 },
      { source: 'WhatsApp', count: 1, percentage: 33 },
      { source: 'Referral', count: 1, percentage: 33 },
    ]);
    const mine = await get(`/api/analytics/leads-by-source?centreId=${w.newYork}`, indiaManager);
    expect(mine.data.map((l: { source: string }) => l.source)).toEqual(['Website', 'WhatsApp', 'Walk-in']);
  });
});
