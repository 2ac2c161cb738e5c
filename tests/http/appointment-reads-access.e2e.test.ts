import type { Knex } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLE_NAMES, type StaffRoleName } from '../../src/domain/identity/role.js';
import { insertAppointment, seedWorld, staffToken } from '../support/appointment-world.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const DESK: StaffRoleName[] = ['ADMIN', 'MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'];

describe('appointment reads: who may call, missing ids, statements per page', () => {
  let t: TestApi;
  let w: Awaited<ReturnType<typeof seedWorld>>;
  let appointmentId = 0;
  const tokens = {} as Record<StaffRoleName, string>;

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedWorld(t);
    for (const role of STAFF_ROLE_NAMES)
      tokens[role] = await staffToken(t, role, role === 'CENTRE_MANAGER' ? w.india : null);
    tokens.CLINICIAN = w.rao.token;
    appointmentId = await insertAppointment(t, {
      clinicianId: w.rao.id,
      centreId: w.india,
      patientId: w.jane.id,
      startAt: '2030-03-01T10:00:00+05:30',
    });
  });
  afterAll(async () => t.close());

  const staffRoutes = () => [
    { path: '/api/appointments', allowed: DESK },
    { path: '/api/appointments/my-appointments', allowed: ['CLINICIAN'] },
    { path: `/api/appointments/${appointmentId}`, allowed: [...DESK, 'CLINICIAN'] },
  ];
  const patientRoutes = () => ['/api/booking/my-appointments', `/api/booking/${appointmentId}`];

  it('answers 401 without a token or with a forged one', async () => {
    for (const path of [...staffRoutes().map((r) => r.path), ...patientRoutes()]) {
      const none = await t.request('GET', path);
      expect(none.status, path).toBe(401);
      expect(none.body.error.code).toBe('UNAUTHORIZED');
      expect((await t.request('GET', path, { token: 'not.a.jwt' })).status, path).toBe(401);
    }
  });

  it('answers 403 to every staff role the spec does not list and to patients on staff routes', async () => {
    for (const { path, allowed } of staffRoutes()) {
      for (const role of STAFF_ROLE_NAMES) {
        const res = await t.request('GET', path, { token: tokens[role] });
        expect(res.status, `${role} ${path}`).toBe(allowed.includes(role) ? 200 : 403);
      }
      const patient = await t.request('GET', path, { token: w.jane.token });
      expect(patient.status, `patient ${path}`).toBe(403);
      expect(patient.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('answers 403 to staff on the patient routes', async () => {
    for (const path of patientRoutes()) {
      expect((await t.request('GET', path, { token: w.jane.token })).status, path).toBe(200);
      for (const role of STAFF_ROLE_NAMES) {
        expect((await t.request('GET', path, { token: tokens[role] })).status, `${role} ${path}`).toBe(403);
      }
    }
  });

  it('answers 404 for missing ids and 400 for ids that are not numbers', async () => {
    for (const [path, token] of [
      ['/api/appointments/999999', tokens.ADMIN],
      ['/api/booking/999999', w.jane.token],
    ] as const) {
      const res = await t.request('GET', path, { token });
      expect(res.status, path).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
    expect((await t.request('GET', '/api/appointments/abc', { token: tokens.ADMIN })).status).toBe(400);
    expect((await t.request('GET', '/api/booking/0', { token: w.jane.token })).status).toBe(400);
  });

  it('leaves the fixed paths beside /:id to their own routes', async () => {
    const staffSlots = await t.request(
      'GET',
      `/api/appointments/availability?clinician_id=${w.rao.id}&date=2030-03-04`,
      {
        token: tokens.FRONT_DESK,
      },
    );
    expect(staffSlots.status).toBe(200);
    expect(staffSlots.body.data).toHaveProperty('availableSlots');
    const publicSlots = await t.request(
      'GET',
      `/api/booking/available-slots?clinicianId=${w.rao.id}&date=2030-03-04`,
    );
    expect(publicSlots.status).toBe(200);
    expect(publicSlots.body.data).toMatchObject({ date: '2030-03-04' });
  });

  it('reads a page in the same number of statements for 10 rows as for 100', async () => {
    await t.inContext(() =>
      t.api.infra.orm.em.getConnection().execute(
        `insert into appointments (patient_id, clinician_id, centre_id, start_at, end_at, session_type, status, fee_paise,
           payment_status, created_by)
         select ?, ?, ?, s, s + interval '1 hour', 'IN_PERSON', 'CONFIRMED', 150000, 'PAID', 'test'
           from generate_series(timestamptz '2031-01-01T00:00:00Z', timestamptz '2031-01-06T23:00:00Z', interval '1 hour') s`,
        [w.anu.id, w.shah.id, w.newYork],
      ),
    );
    const knex: Knex = t.api.infra.orm.em.getConnection().getKnex();
    const statementsFor = async (path: string, token: string) => {
      // A first call warms what authentication caches, so both measured calls do the same other work.
      await t.request('GET', path, { token });
      const seen: string[] = [];
      const listener = (query: { sql: string }) => seen.push(query.sql);
      knex.on('query', listener);
      try {
        const res = await t.request('GET', path, { token });
        expect(res.status).toBe(200);
        return {
          rows: res.body.data.length as number,
          all: seen.length,
          appointments: seen.filter((s) => /appointments/.test(s)).length,
        };
      } finally {
        knex.removeListener('query', listener);
      }
    };
    const list = (limit: number) => `/api/appointments?clinicianId=${w.shah.id}&limit=${limit}`;
    const ten = await statementsFor(list(10), tokens.ADMIN);
    const hundred = await statementsFor(list(100), tokens.ADMIN);
    expect([ten.rows, hundred.rows]).toEqual([10, 100]);
    expect(ten.appointments).toBe(1);
    expect(hundred).toMatchObject({ appointments: 1, all: ten.all });
    const patientTen = await statementsFor('/api/booking/my-appointments?limit=10', w.anu.token);
    const patientHundred = await statementsFor('/api/booking/my-appointments?limit=100', w.anu.token);
    expect([patientTen.rows, patientHundred.rows]).toEqual([10, 100]);
    expect(patientHundred).toMatchObject({ appointments: 1, all: patientTen.all });
    const agenda = await statementsFor('/api/appointments/my-appointments?limit=100', w.shah.token);
    expect(agenda.appointments).toBe(1);
  });
});
