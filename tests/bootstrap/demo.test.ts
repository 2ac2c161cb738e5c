import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DEMO_CLINICIANS,
  DEMO_PASSWORD,
  DEMO_PATIENTS,
  DEMO_STAFF,
} from '../../src/bootstrap/demo/demo-data.js';
import { seedDemo } from '../../src/bootstrap/demo/seed-demo.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('npm run demo seeding', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => t.close());

  it('creates the demo clinic once, with a login for every role', async () => {
    const first = await seedDemo(t.api.container);
    expect(first.created).toBe(true);
    expect(first.logins.map((login) => login.role).sort()).toEqual(
      [
        ...DEMO_STAFF.map((s) => s.role),
        ...DEMO_CLINICIANS.map(() => 'CLINICIAN'),
        ...DEMO_PATIENTS.map(() => 'PATIENT'),
      ].sort(),
    );
    expect((await seedDemo(t.api.container)).created).toBe(false);

    for (const username of ['demo-admin', 'demo-front-desk', 'dr-sara']) {
      const login = await t.request('POST', '/api/auth/login/username-password', {
        body: { username, password: DEMO_PASSWORD },
      });
      expect(login.status).toBe(200);
    }
    const centres = await t.request('GET', '/api/centres', {
      token: (
        await t.request('POST', '/api/auth/login/username-password', {
          body: { username: 'demo-admin', password: DEMO_PASSWORD },
        })
      ).body.data.accessToken,
    });
    expect(centres.body.data.map((c: { timezone: string }) => c.timezone).sort()).toEqual([
      'Asia/Dubai',
      'Asia/Kolkata',
    ]);
    const clinicians = await t.request('GET', '/api/clinicians?limit=100');
    expect(clinicians.body.data).toHaveLength(DEMO_CLINICIANS.length);
    const availability = await t.request('GET', `/api/clinicians/${clinicians.body.data[0].id}/availability`);
    expect(availability.body.data).toHaveLength(10);
    const rows: Array<{ status: string; payment_status: string; session_type: string }> = await t.inContext(
      () =>
        t.api.infra.orm.em
          .getConnection()
          .execute('select status, payment_status, session_type from appointments order by id'),
    );
    // The ONLINE booking is confirmed to pay at the centre, so its confirmation and Meet link exist.
    expect(rows).toEqual([
      { status: 'PENDING', payment_status: 'PENDING', session_type: 'IN_PERSON' },
      { status: 'CONFIRMED', payment_status: 'PENDING', session_type: 'ONLINE' },
      { status: 'CONFIRMED', payment_status: 'WAIVED', session_type: 'IN_PERSON' },
    ]);
  });
});
