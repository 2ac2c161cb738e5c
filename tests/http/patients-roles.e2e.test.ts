import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLE_NAMES, type StaffRoleName } from '../../src/domain/identity/role.js';
import { randomPhone } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { clinicWorld, type World } from './patients-support.js';

const DESK: StaffRoleName[] = ['ADMIN', 'MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'];
const CLINICAL: StaffRoleName[] = ['ADMIN', 'CLINICIAN'];

interface Route {
  method: string;
  path: () => string;
  body?: () => unknown;
  allowed: StaffRoleName[];
  ok: number;
}

describe('patients and audit: who may call what', () => {
  let t: TestApi;
  let w: World;

  beforeAll(async () => {
    t = await startTestApi();
    w = await clinicWorld(t);
  });
  afterAll(async () => t.close());

  // Jane is Dr. Rao's patient, so the CLINICIAN token (Rao) is inside its scope on every route.
  const routes: Route[] = [
    { method: 'GET', path: () => '/api/patients', allowed: DESK, ok: 200 },
    { method: 'GET', path: () => `/api/patients/${w.jane.id}`, allowed: [...DESK, 'CLINICIAN'], ok: 200 },
    {
      method: 'POST',
      path: () => '/api/patients',
      body: () => ({ fullName: 'New Patient', phone: randomPhone() }),
      allowed: DESK,
      ok: 201,
    },
    {
      method: 'PUT',
      path: () => `/api/patients/${w.jane.id}`,
      body: () => ({ bloodGroup: 'B+' }),
      allowed: DESK,
      ok: 200,
    },
    {
      method: 'GET',
      path: () => `/api/patients/${w.jane.id}/appointments`,
      allowed: [...DESK, 'CLINICIAN'],
      ok: 200,
    },
    { method: 'GET', path: () => `/api/patients/${w.jane.id}/notes`, allowed: CLINICAL, ok: 200 },
    {
      method: 'POST',
      path: () => `/api/patients/${w.jane.id}/notes`,
      body: () => ({ note: 'Calmer this week' }),
      allowed: CLINICAL,
      ok: 201,
    },
    {
      method: 'PUT',
      path: () => `/api/patients/${w.jane.id}/medical-history`,
      body: () => ({ medicalHistory: 'No known allergies' }),
      allowed: CLINICAL,
      ok: 200,
    },
    { method: 'GET', path: () => '/api/audit', allowed: ['ADMIN'], ok: 200 },
  ];

  it('answers 401 without a token or with a forged one', async () => {
    for (const route of routes) {
      const label = `${route.method} ${route.path()}`;
      const body = route.body?.();
      const none = await t.request(route.method, route.path(), { body });
      expect(none.status, label).toBe(401);
      expect(none.body.error.code, label).toBe('UNAUTHORIZED');
      const forged = await t.request(route.method, route.path(), { body, token: 'not.a.jwt' });
      expect(forged.status, label).toBe(401);
    }
  });

  it('answers 403 FORBIDDEN to patients on every route', async () => {
    for (const route of routes) {
      const res = await t.request(route.method, route.path(), { body: route.body?.(), token: w.jane.token });
      expect(res.status, `${route.method} ${route.path()}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
  });

  it('admits exactly the roles each route lists and answers 403 to every other staff role', async () => {
    for (const route of routes) {
      for (const role of STAFF_ROLE_NAMES) {
        const res = await t.request(route.method, route.path(), {
          body: route.body?.(),
          token: w.tokens[role],
        });
        const label = `${role} ${route.method} ${route.path()}: ${res.text.slice(0, 200)}`;
        if (route.allowed.includes(role)) {
          expect(res.status, label).toBe(route.ok);
        } else {
          expect(res.status, label).toBe(403);
          expect(res.body.error.code, label).toBe('FORBIDDEN');
        }
      }
    }
  });

  it('answers 404 for a missing patient on every route about one patient', async () => {
    for (const route of routes.filter((r) => r.path().includes(`/${w.jane.id}`))) {
      const path = route.path().replace(`/${w.jane.id}`, '/999999');
      const res = await t.request(route.method, path, { body: route.body?.(), token: w.tokens.ADMIN });
      expect(res.status, `${route.method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('NOT_FOUND');
    }
  });

  it('has no route that edits or removes a note or an audit entry', async () => {
    const note = await t.request('POST', `/api/patients/${w.jane.id}/notes`, {
      token: w.tokens.ADMIN,
      body: { note: 'Original' },
    });
    expect(note.status).toBe(201);
    const id: number = note.body.data.id;
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      for (const path of [
        `/api/patients/${w.jane.id}/notes/${id}`,
        `/api/patients/${w.jane.id}/notes`,
        '/api/audit',
      ]) {
        const res = await t.request(method, path, { token: w.tokens.ADMIN, body: { note: 'Changed' } });
        expect([404, 405], `${method} ${path}`).toContain(res.status);
      }
    }
    const notes = await t.request('GET', `/api/patients/${w.jane.id}/notes`, { token: w.tokens.ADMIN });
    expect(notes.body.data.find((n: { id: number }) => n.id === id).note).toBe('Original');
  });
});
