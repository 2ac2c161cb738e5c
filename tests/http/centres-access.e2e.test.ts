import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLE_NAMES, type StaffRoleName } from '../../src/domain/identity/role.js';
import { patientLogin, seedCentre, seedStaff, staffLogin } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

type Call = [method: string, path: (id: number) => string, body?: unknown];

/** Who the spec and CONTRACT.md let through each write; GETs admit every staff role and patients. */
const WRITES: Array<{ call: Call; allowed: StaffRoleName[] }> = [
  {
    call: ['POST', () => '/api/centres', { name: 'X', city: 'Y', address: 'Z' }],
    allowed: ['ADMIN', 'MANAGER'],
  },
  {
    call: ['PUT', (id) => `/api/centres/${id}`, { name: 'Renamed' }],
    allowed: ['ADMIN', 'MANAGER', 'CENTRE_MANAGER'],
  },
  { call: ['DELETE', (id) => `/api/centres/${id}`], allowed: ['ADMIN'] },
  { call: ['PATCH', (id) => `/api/centres/${id}/toggle-active`], allowed: ['ADMIN', 'MANAGER'] },
];

describe('centres: who may call what', () => {
  let t: TestApi;
  const staff = {} as Record<StaffRoleName, string>;
  let patient: string;
  let home: number;
  let other: number;
  let closed: number;
  let homeManager: string;
  let homeDesk: string;
  const call = (token: string | undefined, [method, path, body]: Call, id: number) =>
    t.request(method, path(id), { ...(token ? { token } : {}), ...(body ? { body } : {}) });
  const names = async (token: string, query = '') => {
    const res = await t.request('GET', `/api/centres?limit=100${query}`, { token });
    return (res.body.data as Array<{ id: number }>).map((c) => c.id);
  };

  beforeAll(async () => {
    t = await startTestApi();
    for (const role of STAFF_ROLE_NAMES)
      staff[role] = (await staffLogin(t, await seedStaff(t, { role }))).accessToken;
    patient = (await patientLogin(t)).accessToken;
    home = await seedCentre(t, { city: 'Hometown' });
    other = await seedCentre(t, { city: 'Elsewhere' });
    closed = await seedCentre(t, { city: 'Hometown', active: false });
    homeManager = (await staffLogin(t, await seedStaff(t, { role: 'CENTRE_MANAGER', centreId: home })))
      .accessToken;
    homeDesk = (await staffLogin(t, await seedStaff(t, { role: 'FRONT_DESK', centreId: home }))).accessToken;
  });
  afterAll(async () => t.close());

  it('every endpoint answers 401 without a token', async () => {
    const reads: Call[] = [
      ['GET', () => '/api/centres'],
      ['GET', (id) => `/api/centres/${id}`],
    ];
    for (const c of [...reads, ...WRITES.map((w) => w.call)]) {
      const res = await call(undefined, c, other);
      expect(res.status, `${c[0]} ${c[1](other)}`).toBe(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
    }
  });

  it('every write answers 403 to each role it does not list and to patients, changing nothing', async () => {
    for (const { call: c, allowed } of WRITES) {
      const refused = [
        ...STAFF_ROLE_NAMES.filter((r) => !allowed.includes(r)).map((r) => [r, staff[r]]),
        ['PATIENT', patient],
      ];
      for (const [who, token] of refused) {
        const res = await call(token, c, other);
        expect(res.status, `${who} ${c[0]} ${c[1](other)}`).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
    const res = await t.request('GET', `/api/centres/${other}`, { token: staff.ADMIN });
    expect(res.body.data).toMatchObject({ id: other, isActive: true });
    expect(res.body.data.name).not.toBe('Renamed');
  });

  it('every staff role and patients may read active centres', async () => {
    for (const token of [...Object.values(staff), patient]) {
      expect((await t.request('GET', `/api/centres/${other}`, { token })).status).toBe(200);
      expect(await names(token)).toEqual(expect.arrayContaining([home, other]));
    }
  });

  it('inactive centres: listed and readable for ADMIN and MANAGER only', async () => {
    for (const role of STAFF_ROLE_NAMES) {
      const sees = role === 'ADMIN' || role === 'MANAGER';
      expect((await names(staff[role], '&city=hometown')).includes(closed), role).toBe(sees);
      expect((await t.request('GET', `/api/centres/${closed}`, { token: staff[role] })).status, role).toBe(
        sees ? 200 : 404,
      );
    }
    expect(await names(patient, '&city=hometown')).toEqual([home]);
    expect((await t.request('GET', `/api/centres/${closed}`, { token: patient })).status).toBe(404);
  });

  it('staff tied to a centre see only theirs; another centre is 404', async () => {
    for (const token of [homeManager, homeDesk]) {
      expect(await names(token)).toEqual([home]);
      expect(await names(token, '&city=elsewhere')).toEqual([]);
      expect((await t.request('GET', `/api/centres/${home}`, { token })).status).toBe(200);
      expect((await t.request('GET', `/api/centres/${other}`, { token })).status).toBe(404);
    }
  });

  it('a centre manager updates their own centre only; another one is 404 and unchanged', async () => {
    const own = await t.request('PUT', `/api/centres/${home}`, {
      token: homeManager,
      body: { phone: '+918012345679' },
    });
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({ id: home, phone: '+918012345679' });
    const foreign = await t.request('PUT', `/api/centres/${other}`, {
      token: homeManager,
      body: { phone: '+918012345679' },
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
    const unbound = await t.request('PUT', `/api/centres/${other}`, {
      token: staff.CENTRE_MANAGER,
      body: { name: 'Mine?' },
    });
    expect(unbound.status).toBe(404);
    const after = await t.request('GET', `/api/centres/${other}`, { token: staff.ADMIN });
    expect(after.body.data.phone).toBeNull();
  });

  it('missing ids answer 404 on every by-id endpoint', async () => {
    const missing = 2_000_000_000;
    const calls: Call[] = [['GET', (id) => `/api/centres/${id}`], ...WRITES.slice(1).map((w) => w.call)];
    for (const c of calls) {
      const res = await call(staff.ADMIN, c, missing);
      expect(res.status, c[0]).toBe(404);
      expect(res.body).toEqual({ success: false, error: { code: 'NOT_FOUND', message: 'Centre not found' } });
    }
  });
});
