import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsDashboard, patientAppointments, patientSearch } from '../../bench/dashboard-scenarios.js';
import { seedScheduling } from '../../bench/lib/scheduling-seed.js';
import { ADMIN, type BenchSettings, type ScenarioContext } from '../../bench/scenarios.js';
import { runInScope } from '../../src/adapters/system/execution-scope.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/** The bench's dashboard scenarios, prepared against a small seeded database: every planned request is a 200. */
describe('bench scenarios: patient search, my appointments, analytics dashboard', () => {
  let t: TestApi;

  beforeAll(async () => {
    t = await startTestApi({
      BOOTSTRAP_ADMIN_USERNAME: ADMIN.username,
      BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
      BOOTSTRAP_ADMIN_PHONE: ADMIN.phone,
    });
    await runInScope('seed', () =>
      seedScheduling(t.api, { centres: 2, clinicians: 4, patients: 10_000, appointments: 3000 }),
    );
  });
  afterAll(() => t?.close());

  it('prepares each scenario and sends only requests that succeed', async () => {
    const logs: string[] = [];
    const context: ScenarioContext = {
      miboUrl: t.url,
      baselineUrl: t.url,
      settings: {} as BenchSettings,
      log: (m) => logs.push(m),
    };
    for (const scenario of [patientSearch(), patientAppointments(), analyticsDashboard()]) {
      expect(scenario.miboEnv).toMatchObject({ BENCH_SEED: 'scheduling' });
      expect(await scenario.prepare!(context)).toBeUndefined();
      const plan = scenario.mibo('round', context);
      for (let i = 0; i < 6; i++) {
        const { path, headers } = plan.vary!();
        const res = await t.request(plan.method, path!, { headers: headers! });
        expect([scenario.name, path, res.status]).toEqual([scenario.name, path, 200]);
        expect(Array.isArray(res.body.data) || typeof res.body.data === 'object').toBe(true);
      }
      expect(scenario.baseline('round', context).path.startsWith('/hello')).toBe(true);
    }
    expect(logs).toHaveLength(3);
  });
});
