import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLE_NAMES, type StaffRoleName } from '../../src/domain/identity/role.js';
import { patientLogin, randomPhone, seedCentre, seedStaff, staffLogin } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

type Call = [method: string, path: (id: number) => string, body?: () => unknown];

/** A live centre for the bodies that need one (set once the test database exists). */
let centreForBodies = 0;
const account = () => ({
  fullName: 'Access Test',
  phone: randomPhone(),
  password: 'SecurePassword123',
  username: `access.${randomInt(0, 1e9)}`,
});

/** Each endpoint's Roles line; PUT also admits MANAGER (CONTRACT.md: a MANAGER may edit staff). */
const ENDPOINTS: Array<{ call: Call; allowed: StaffRoleName[] }> = [
  { call: ['GET', () => '/api/users'], allowed: ['ADMIN'] },
  { call: ['GET', (id) => `/api/users/${id}`], allowed: ['ADMIN'] },
  { call: ['POST', () => '/api/users', () => ({ ...account(), roleId: 6 })], allowed: ['ADMIN'] },
  {
    call: ['PUT', (id) => `/api/users/${id}`, () => ({ fullName: 'Renamed' })],
    allowed: ['ADMIN', 'MANAGER'],
  },
  { call: ['DELETE', (id) => `/api/users/${id}`], allowed: ['ADMIN'] },
  { call: ['PATCH', (id) => `/api/users/${id}/toggle-active`], allowed: ['ADMIN', 'MANAGER'] },
  { call: ['POST', () => '/api/users/managers', account], allowed: ['ADMIN'] },
  {
    call: ['POST', () => '/api/users/centre-managers', () => ({ ...account(), centreId: centreForBodies })],
    allowed: ['ADMIN'],
  },
  { call: ['POST', () => '/api/users/care-coordinators', account], allowed: ['ADMIN'] },
  { call: ['POST', () => '/api/users/front-desk', account], allowed: ['ADMIN', 'MANAGER'] },
];

describe('staff management: who may call what', () => {
  let t: TestApi;
  const tokens = {} as Record<StaffRoleName, string>;
  const ids = {} as Record<StaffRoleName, number>;
  let patient: string;
  let target: number;
  let home: number;
  let other: number;
  const call = (token: string | undefined, [method, path, body]: Call, id: number) =>
    t.request(method, path(id), { ...(token ? { token } : {}), ...(body ? { body: body() } : {}) });
  const nameOf = async (id: number) =>
    (await t.request('GET', `/api/users/${id}`, { token: tokens.ADMIN })).body.data;

  beforeAll(async () => {
    t = await startTestApi();
    for (const role of STAFF_ROLE_NAMES) {
      const seeded = await seedStaff(t, { role });
      ids[role] = seeded.id;
      tokens[role] = (await staffLogin(t, seeded)).accessToken;
    }
    patient = (await patientLogin(t)).accessToken;
    target = (await seedStaff(t, { role: 'FRONT_DESK' })).id;
    home = await seedCentre(t);
    centreForBodies = home;
    other = await seedCentre(t);
  });
  afterAll(async () => t.close());

  it('every endpoint answers 401 without a token or with a forged one', async () => {
    for (const { call: c } of ENDPOINTS) {
      const res = await call(undefined, c, target);
      expect(res.status, `${c[0]} ${c[1](target)}`).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
      const forged = await call('not.a.token', c, target);
      expect(forged.status, `${c[0]} ${c[1](target)}`).toBe(401);
    }
  });

  it('every endpoint answers 403 to each role it does not list and to patients, changing nothing', async () => {
    for (const { call: c, allowed } of ENDPOINTS) {
      const refused = [
        ...STAFF_ROLE_NAMES.filter((r) => !allowed.includes(r)).map((r) => [r, tokens[r]] as const),
        ['PATIENT', patient] as const,
      ];
      for (const [who, token] of refused) {
        const res = await call(token, c, target);
        expect(res.status, `${who} ${c[0]} ${c[1](target)}`).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
    expect(await nameOf(target)).toMatchObject({ fullName: 'Test Staff', isActive: true });
  });

  it('every listed role gets through', async () => {
    for (const { call: c, allowed } of ENDPOINTS) {
      for (const role of allowed) {
        const victim = (await seedStaff(t, { role: 'FRONT_DESK' })).id;
        const res = await call(tokens[role], c, victim);
        expect(res.status, `${role} ${c[0]} ${c[1](victim)}: ${res.text}`).toBeLessThan(300);
      }
    }
  });

  it('a MANAGER edits and toggles front-line staff but never an ADMIN or MANAGER account', async () => {
    const manager = tokens.MANAGER;
    const desk = (await seedStaff(t, { role: 'FRONT_DESK' })).id;
    const edit = await t.request('PUT', `/api/users/${desk}`, { token: manager, body: { roleId: 5 } });
    expect(edit.status).toBe(200);
    expect(edit.body.data.roleName).toBe('CARE_COORDINATOR');
    const toggled = await t.request('PATCH', `/api/users/${desk}/toggle-active`, { token: manager });
    expect(toggled.body).toMatchObject({
      message: 'User deactivated successfully',
      data: { isActive: false },
    });
    for (const senior of [ids.ADMIN, (await seedStaff(t, { role: 'MANAGER' })).id]) {
      for (const [method, path, body] of [
        ['PATCH', `/api/users/${senior}/toggle-active`, undefined],
        ['PUT', `/api/users/${senior}`, { fullName: 'Hijacked' }],
      ] as const) {
        const res = await t.request(method, path, { token: manager, ...(body ? { body } : {}) });
        expect(res.status, `${method} ${path}`).toBe(403);
      }
      expect(await nameOf(senior)).toMatchObject({ isActive: true });
    }
    for (const roleId of [1, 2]) {
      const promote = await t.request('PUT', `/api/users/${desk}`, { token: manager, body: { roleId } });
      expect(promote.status).toBe(403);
    }
    expect(await nameOf(desk)).toMatchObject({ roleName: 'CARE_COORDINATOR' });
  });

  it('nobody changes their own role, deactivates or deletes themselves', async () => {
    const admin = await seedStaff(t, { role: 'ADMIN' });
    const token = (await staffLogin(t, admin)).accessToken;
    const attempts: Array<[string, string, unknown?]> = [
      ['PATCH', `/api/users/${admin.id}/toggle-active`],
      ['DELETE', `/api/users/${admin.id}`],
      ['PUT', `/api/users/${admin.id}`, { isActive: false }],
      ['PUT', `/api/users/${admin.id}`, { roleId: 6 }],
    ];
    for (const [method, path, body] of attempts) {
      const res = await t.request(method, path, { token, ...(body ? { body } : {}) });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.error.code).toBe('FORBIDDEN');
    }
    const rename = await t.request('PUT', `/api/users/${admin.id}`, {
      token,
      body: { fullName: 'Still Admin', roleId: 1, isActive: true },
    });
    expect(rename.status).toBe(200);
    expect(rename.body.data).toMatchObject({ fullName: 'Still Admin', roleName: 'ADMIN', isActive: true });
    const manager = await seedStaff(t, { role: 'MANAGER' });
    const managerToken = (await staffLogin(t, manager)).accessToken;
    const raise = await t.request('PUT', `/api/users/${manager.id}`, {
      token: managerToken,
      body: { roleId: 1 },
    });
    expect(raise.status).toBe(403);
    expect(await nameOf(manager.id)).toMatchObject({ roleName: 'MANAGER' });
  });

  it('staff tied to a centre reach only that centre: others answer 404, lists are scoped', async () => {
    const local = await seedStaff(t, { role: 'MANAGER', centreId: home });
    const token = (await staffLogin(t, local)).accessToken;
    const there = (await seedStaff(t, { role: 'FRONT_DESK', centreId: other })).id;
    const here = (await seedStaff(t, { role: 'FRONT_DESK', centreId: home })).id;
    expect((await t.request('PATCH', `/api/users/${there}/toggle-active`, { token })).status).toBe(404);
    expect((await t.request('PUT', `/api/users/${there}`, { token, body: { fullName: 'X' } })).status).toBe(
      404,
    );
    expect((await t.request('PATCH', `/api/users/${here}/toggle-active`, { token })).status).toBe(200);
    const move = await t.request('PUT', `/api/users/${here}`, { token, body: { centreId: other } });
    expect(move.status).toBe(404);
    const elsewhere = await t.request('POST', '/api/users/front-desk', {
      token,
      body: { ...account(), centreId: other },
    });
    expect(elsewhere.status).toBe(404);
    const defaulted = await t.request('POST', '/api/users/front-desk', { token, body: account() });
    expect(defaulted.status).toBe(201);
    expect(defaulted.body.data.centreId).toBe(home);

    const localAdmin = await seedStaff(t, { role: 'ADMIN', centreId: home });
    const adminToken = (await staffLogin(t, localAdmin)).accessToken;
    const list = await t.request('GET', `/api/users?centreId=${other}&limit=100`, { token: adminToken });
    const centres = new Set(list.body.data.map((u: { centreId: number }) => u.centreId));
    expect([...centres]).toEqual([home]);
    expect((await t.request('GET', `/api/users/${there}`, { token: adminToken })).status).toBe(404);
  });
});
