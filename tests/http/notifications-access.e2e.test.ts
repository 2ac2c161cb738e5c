import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DevOutboxSender } from '../../src/adapters/gateways/fake-messaging/dev-outbox.js';
import { T } from '../../src/bootstrap/tokens.js';
import { STAFF_ROLE_NAMES, type StaffRoleName } from '../../src/domain/identity/role.js';
import {
  createClinician,
  createPatient,
  insertAppointment,
  staffToken,
} from '../support/appointment-world.js';
import { patientLogin, seedCentre } from '../support/builders.js';
import { runJobsDueBy } from '../support/jobs.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

type Call = { method: string; path: string; body?: unknown; allowed: readonly StaffRoleName[] };

const MISSING = 999_999;
/** The spec's Roles line of each endpoint. */
const CALLS: Call[] = [
  {
    method: 'POST',
    path: '/api/notifications/appointment-confirmation',
    body: { appointmentId: MISSING },
    allowed: ['ADMIN', 'MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'],
  },
  {
    method: 'POST',
    path: '/api/notifications/appointment-reminder',
    body: { appointmentId: MISSING },
    allowed: ['ADMIN', 'MANAGER'],
  },
  { method: 'GET', path: '/api/notifications/history', allowed: ['ADMIN', 'MANAGER'] },
  { method: 'GET', path: '/api/notifications/stats', allowed: ['ADMIN', 'MANAGER'] },
  { method: 'GET', path: `/api/notifications/${MISSING}`, allowed: ['ADMIN', 'MANAGER', 'CENTRE_MANAGER'] },
];

describe('/api/notifications: who may call, validation, 404 and 409', () => {
  let t: TestApi;
  const staff = {} as Record<StaffRoleName, string>;
  let patient: string;
  let home: number;
  let away: number;
  let confirmed: number;
  let pending: number;
  const call = (c: Call, token?: string) =>
    t.request(c.method, c.path, { ...(token ? { token } : {}), ...(c.body ? { body: c.body } : {}) });
  const send = (kind: string, body: unknown, token = staff.ADMIN) =>
    t.request('POST', `/api/notifications/appointment-${kind}`, { token, body });

  beforeAll(async () => {
    t = await startTestApi();
    for (const role of STAFF_ROLE_NAMES) staff[role] = await staffToken(t, role);
    patient = (await patientLogin(t)).accessToken;
    home = await seedCentre(t);
    away = await seedCentre(t);
    const clinician = await createClinician(t, staff.ADMIN, 'Dr. Arjun Rao', away);
    const jane = await createPatient(t, 'Jane Smith');
    const seed = { patientId: jane.id, clinicianId: clinician.id, centreId: away };
    confirmed = await insertAppointment(t, { ...seed, startAt: '2030-01-07T04:30:00Z' });
    pending = await insertAppointment(t, { ...seed, startAt: '2030-01-07T06:30:00Z', status: 'PENDING' });
  });
  afterAll(async () => t.close());

  it('answers 401 without a token', async () => {
    for (const c of CALLS) {
      const res = await call(c);
      expect(res.status, `${c.method} ${c.path}`).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
  });

  it('answers 403 to every role the endpoint does not list and to patients; lets the listed ones through', async () => {
    for (const c of CALLS) {
      for (const role of STAFF_ROLE_NAMES) {
        const res = await call(c, staff[role]);
        if (c.allowed.includes(role))
          expect([200, 404], `${role} ${c.method} ${c.path}`).toContain(res.status);
        else {
          expect(res.status, `${role} ${c.method} ${c.path}`).toBe(403);
          expect(res.body.error.code).toBe('FORBIDDEN');
        }
      }
      expect((await call(c, patient)).status, `patient ${c.method} ${c.path}`).toBe(403);
    }
  });

  it('rejects bad bodies and queries with 400 VALIDATION_ERROR', async () => {
    const bad: Array<[string, string, unknown?]> = [
      ['POST', '/api/notifications/appointment-confirmation', {}],
      ['POST', '/api/notifications/appointment-confirmation', { appointmentId: 'x' }],
      ['POST', '/api/notifications/appointment-reminder', { appointmentId: 1, status: 'SENT' }],
      ['GET', '/api/notifications/history?limit=101'],
      ['GET', '/api/notifications/history?notificationType=OTP'],
      ['GET', '/api/notifications/history?status=DELIVERED'],
      ['GET', '/api/notifications/history?startDate=2024-02-30'],
      ['GET', '/api/notifications/history?patient=1'],
      ['GET', '/api/notifications/stats?endDate=tomorrow'],
      ['GET', '/api/notifications/abc'],
    ];
    for (const [method, path, body] of bad) {
      const res = await t.request(method, path, { token: staff.ADMIN, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${path}`).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('answers 404 for an unknown appointment or notification, 409 for one not confirmed', async () => {
    expect((await send('confirmation', { appointmentId: MISSING })).body.error.code).toBe('NOT_FOUND');
    expect((await t.request('GET', `/api/notifications/${MISSING}`, { token: staff.ADMIN })).status).toBe(
      404,
    );
    const refused = await send('reminder', { appointmentId: pending });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('INVALID_STATE_TRANSITION');
  });

  it('a provider refusal answers 503 and records FAILED; a passing failure answers PENDING and is sent later', async () => {
    const whatsapp = t.api.container.get(T.WhatsAppSender) as DevOutboxSender;
    whatsapp.failNext(1, 'client');
    const refused = await send('confirmation', { appointmentId: confirmed });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe('GATEWAY_UNAVAILABLE');
    const failed = await t.request(
      'GET',
      `/api/notifications/history?appointmentId=${confirmed}&status=FAILED`,
      {
        token: staff.ADMIN,
      },
    );
    expect(failed.body.data).toMatchObject([{ notificationType: 'APPOINTMENT_CONFIRMATION', attempts: 1 }]);

    whatsapp.failNext(3, 'server');
    const queued = await send('reminder', { appointmentId: confirmed });
    expect(queued.status).toBe(200);
    expect(queued.body).toMatchObject({
      message: 'Appointment reminder queued; it will be retried',
      data: { status: 'PENDING' },
    });
    await runJobsDueBy(t, new Date(Date.now() + 10 * 60_000));
    const later = await t.request('GET', `/api/notifications/${queued.body.data.notificationId}`, {
      token: staff.ADMIN,
    });
    expect(later.body.data).toMatchObject({ status: 'SENT', attempts: 2, lastError: null });
  });

  it("keeps centre-bound staff to their centre's appointments and messages", async () => {
    const homeDesk = await staffToken(t, 'FRONT_DESK', home);
    const homeManager = await staffToken(t, 'CENTRE_MANAGER', home);
    const awayManager = await staffToken(t, 'CENTRE_MANAGER', away);
    expect((await send('confirmation', { appointmentId: confirmed }, homeDesk)).status).toBe(404);
    const sent = await send('confirmation', { appointmentId: confirmed }, awayManager);
    expect(sent.status).toBe(200);
    const id = sent.body.data.notificationId;
    expect((await t.request('GET', `/api/notifications/${id}`, { token: homeManager })).status).toBe(404);
    const seen = await t.request('GET', `/api/notifications/${id}`, { token: awayManager });
    expect(seen.status).toBe(200);
    expect(seen.body.data).toMatchObject({
      id,
      appointmentId: confirmed,
      notificationType: 'APPOINTMENT_CONFIRMATION',
    });
  });
});
