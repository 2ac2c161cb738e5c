import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { benchPhones, loginPatients } from '../../bench/lib/patients.js';
import {
  SEED_CLINICIAN_PASSWORD,
  SEED_ZONE,
  seedScheduling,
  type SeedSummary,
} from '../../bench/lib/scheduling-seed.js';
import { collectFreeSlots, listClinicians, slotsPath, workingDates } from '../../bench/lib/slot-handout.js';
import { runInScope } from '../../src/adapters/system/execution-scope.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const SIZE = { centres: 2, clinicians: 4, patients: 60, appointments: 3000 };

describe('the bench scheduling seed', () => {
  let t: TestApi;
  let summary: SeedSummary;

  beforeAll(async () => {
    t = await startTestApi();
    summary = await runInScope('seed', () => seedScheduling(t.api, SIZE));
  });
  afterAll(() => t?.close());

  it('seeds the requested volume: past history and upcoming appointments', async () => {
    expect(summary).toMatchObject(SIZE);
    const rows: Array<{ upcoming: boolean; status: string; count: string | number }> =
      await t.api.infra.orm.em
        .getConnection()
        .execute(
          'select start_at > now() as upcoming, status, count(*) as count from appointments group by 1, 2 order by 1, 2',
        );
    const statuses = (upcoming: boolean) => rows.filter((r) => r.upcoming === upcoming).map((r) => r.status);
    expect(statuses(false)).toEqual(['CANCELLED', 'COMPLETED', 'NO_SHOW']);
    expect(statuses(true)).toEqual(['CANCELLED', 'CONFIRMED', 'PENDING']);
    const upcoming = rows.filter((r) => r.upcoming).reduce((sum, r) => sum + Number(r.count), 0);
    expect(upcoming).toBe(summary.futureAppointments);
  });

  it('gives every clinician a working login and a grid that mixes open and taken slots', async () => {
    const login = await t.request('POST', '/api/auth/login/username-password', {
      body: { username: 'benchclinician1', password: SEED_CLINICIAN_PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(login.body.data.user.roleName).toBe('CLINICIAN');

    const clinicians = await listClinicians(t.url);
    expect(clinicians).toHaveLength(SIZE.clinicians);
    const grids = await Promise.all(
      clinicians.flatMap((c) =>
        workingDates(SEED_ZONE, 1, 6).map((date) => t.request('GET', slotsPath(c, date))),
      ),
    );
    const slots = grids.flatMap((grid) => grid.body.data.availableSlots as Array<{ available: boolean }>);
    expect(grids.every((grid) => grid.status === 200)).toBe(true);
    expect(slots.filter((s) => s.available).length).toBeGreaterThan(slots.length / 2);
    expect(slots.some((s) => !s.available)).toBe(true);
  });

  it('hands out open slots of different clinicians that distinct patients book at once', async () => {
    const clinicians = await listClinicians(t.url);
    const slots = (await collectFreeSlots(t.url, clinicians, workingDates(SEED_ZONE, 2, 5), 8)).slice(0, 8);
    expect(new Set(slots.slice(0, SIZE.clinicians).map((s) => s.clinicianId)).size).toBe(SIZE.clinicians);
    const tokens = await loginPatients(t.url, benchPhones(8_000_000_000, slots.length));
    const answers = await Promise.all(
      slots.map((slot, i) =>
        t.request('POST', '/api/booking/create', {
          token: tokens[i],
          body: { ...slot, sessionType: 'IN_PERSON' },
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual(slots.map(() => 201));
  });
});
