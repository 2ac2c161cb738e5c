import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomPhone, seedCentre, seedStaff, staffLogin } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

let counter = 0;
/** A create body with fresh phone, email and username. */
function account(extra: Record<string, unknown> = {}) {
  counter += 1;
  return {
    fullName: `Staff Member ${counter}`,
    phone: randomPhone(),
    email: `staff${counter}.${Date.now()}@example.com`,
    username: `staff.${counter}.${Date.now()}`,
    password: 'SecurePassword123',
    ...extra,
  };
}

describe('staff management (/api/users): create, read, update, delete', () => {
  let t: TestApi;
  let admin: string;
  let centre: number;
  const post = (path: string, body: unknown, token = admin) => t.request('POST', path, { body, token });

  beforeAll(async () => {
    t = await startTestApi();
    admin = (await staffLogin(t, await seedStaff(t, { role: 'ADMIN' }))).accessToken;
    centre = await seedCentre(t);
  });
  afterAll(async () => t.close());

  it('creates an account that logs in, shown without any password hash', async () => {
    const body = account({ roleId: 5, centreId: centre, username: 'Asha.Rao' });
    const res = await post('/api/users', body);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      success: true,
      message: 'User created successfully',
      data: {
        id: expect.any(Number),
        fullName: body.fullName,
        phone: body.phone,
        email: body.email,
        username: 'asha.rao',
        roleId: 5,
        roleName: 'CARE_COORDINATOR',
        centreId: centre,
        isActive: true,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      },
    });
    expect(res.text).not.toMatch(/argon2|passwordHash|password_hash/i);
    const login = await t.request('POST', '/api/auth/login/username-password', {
      body: { username: 'ASHA.RAO', password: body.password },
    });
    expect(login.status).toBe(200);
    expect(login.body.data.user).toMatchObject({ id: res.body.data.id, roleName: 'CARE_COORDINATOR' });
  });

  it('each role endpoint creates its own role', async () => {
    const cases = [
      ['/api/users/managers', account(), 'MANAGER', null],
      ['/api/users/centre-managers', account({ centreId: centre }), 'CENTRE_MANAGER', centre],
      ['/api/users/care-coordinators', account({ centreId: centre }), 'CARE_COORDINATOR', centre],
      ['/api/users/front-desk', account({ centreId: centre }), 'FRONT_DESK', centre],
      ['/api/users/front-desk', account({ username: undefined, email: undefined }), 'FRONT_DESK', null],
    ] as const;
    for (const [path, body, roleName, centreId] of cases) {
      const res = await post(path, body);
      expect(res.status, `${path} ${res.text}`).toBe(201);
      expect(res.body.data).toMatchObject({ roleName, centreId, phone: body.phone });
      expect(res.body.message).toMatch(/created successfully$/);
    }
    const spec = await post('/api/users/managers', {
      fullName: 'Jane Manager',
      phone: '+919876543211',
      email: 'jane@example.com',
      password: 'SecurePassword123',
    });
    expect(spec.status).toBe(201);
    expect(spec.body.message).toBe('Manager created successfully');
  });

  it('a centre manager needs a centre; a clinician login comes only with a clinician profile', async () => {
    const noCentre = await post('/api/users/centre-managers', account());
    expect(noCentre.status).toBe(400);
    expect(noCentre.body.error.details).toHaveProperty('centreId');
    const generic = await post('/api/users', account({ roleId: 4 }));
    expect(generic.status).toBe(400);
    expect(generic.body.error.details).toHaveProperty('centreId');
    const clinician = await post('/api/users', account({ roleId: 3, centreId: centre }));
    expect(clinician.status).toBe(400);
    expect(clinician.body.error.details.roleId).toMatch(/\/api\/clinicians/);
    const gone = await post('/api/users/front-desk', account({ centreId: 2_000_000 }));
    expect(gone.status).toBe(404);
  });

  it('refuses duplicate phone, email and username with 409 DUPLICATE_ENTRY naming the field', async () => {
    const first = account({ roleId: 6 });
    expect((await post('/api/users', first)).status).toBe(201);
    const clashes = [
      ['phone', { phone: first.phone }],
      ['email', { email: first.email.toUpperCase() }],
      ['username', { username: first.username.toUpperCase() }],
    ] as const;
    for (const [field, clash] of clashes) {
      const res = await post('/api/users/front-desk', account(clash));
      expect(res.status, field).toBe(409);
      expect(res.body.error.code).toBe('DUPLICATE_ENTRY');
      expect(res.body.error.details).toEqual({ [field]: 'Already in use' });
    }
    const other = await post('/api/users/front-desk', account());
    const update = await t.request('PUT', `/api/users/${other.body.data.id}`, {
      token: admin,
      body: { email: first.email },
    });
    expect(update.status).toBe(409);
    expect(update.body.error.details).toEqual({ email: 'Already in use' });
  });

  it('validates bodies: unknown keys, formats, and the password policy with details', async () => {
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [account({ roleId: 6, isAdmin: true }), 'isAdmin', /Unknown field/],
      [account({ roleId: 7 }), 'roleId', /staff role id/],
      [account({ roleId: 6, email: 'not-an-email' }), 'email', /email/i],
      [account({ roleId: 6, phone: '12' }), 'phone', /phone/i],
      [account({ roleId: 6, username: 'a b' }), 'username', /letters/],
      [account({ roleId: 6, fullName: '' }), 'fullName', /empty/],
      [account({ roleId: 6, password: 'Short1!' }), 'password', /at least 10 characters/],
      [account({ roleId: 6, password: 'Password@123' }), 'password', /commonly used/],
      [account({ roleId: 6, password: 'qwertyuiop' }), 'password', /commonly used/],
    ];
    for (const [body, field, message] of cases) {
      const res = await post('/api/users', body);
      expect(res.status, `${field}: ${res.text}`).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(res.body.error.details[field]).toMatch(message);
    }
    const own = account({ roleId: 6, username: 'reception.desk.one' });
    const sameAsUsername = await post('/api/users', { ...own, password: 'reception.desk.one' });
    expect(sameAsUsername.body.error.details.password).toMatch(/phone, username or email/);
    const managerWithCentre = await post('/api/users/managers', account({ centreId: centre }));
    expect(managerWithCentre.body.error.details).toEqual({ centreId: 'Unknown field' });
    const missing = await post('/api/users', { fullName: 'X' });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.details)).toEqual(
      expect.arrayContaining(['phone', 'password', 'roleId']),
    );
  });

  it('lists live accounts, filtered by role and centre, paginated with meta', async () => {
    const elsewhere = await seedCentre(t);
    const desk = await post('/api/users/front-desk', account({ centreId: elsewhere }));
    const coordinator = await post('/api/users/care-coordinators', account({ centreId: elsewhere }));
    const byCentre = await t.request('GET', `/api/users?centreId=${elsewhere}`, { token: admin });
    expect(byCentre.status).toBe(200);
    expect(byCentre.body.data.map((u: { id: number }) => u.id)).toEqual([
      desk.body.data.id,
      coordinator.body.data.id,
    ]);
    expect(byCentre.body.meta).toEqual({ page: 1, limit: 20, total: 2 });
    const byRole = await t.request('GET', `/api/users?centreId=${elsewhere}&roleId=5`, { token: admin });
    expect(byRole.body.data).toEqual([coordinator.body.data]);
    const page2 = await t.request('GET', `/api/users?centreId=${elsewhere}&limit=1&page=2`, { token: admin });
    expect(page2.body.data).toEqual([coordinator.body.data]);
    expect(page2.body.meta).toEqual({ page: 2, limit: 1, total: 2 });
    const past = await t.request('GET', `/api/users?centreId=${elsewhere}&page=9`, { token: admin });
    expect(past.body).toMatchObject({ data: [], meta: { total: 2 } });
    for (const query of ['limit=101', 'limit=0', 'page=0', 'roleId=x', 'sort=name']) {
      const bad = await t.request('GET', `/api/users?${query}`, { token: admin });
      expect(bad.status, query).toBe(400);
    }
    const all = await t.request('GET', '/api/users?limit=100', { token: admin });
    expect(all.text).not.toMatch(/argon2|passwordHash|password_hash/i);
  });

  it('gets one account; unknown, deleted or malformed ids answer 404 or 400', async () => {
    const created = await post('/api/users/front-desk', account());
    const one = await t.request('GET', `/api/users/${created.body.data.id}`, { token: admin });
    expect(one.status).toBe(200);
    expect(one.body.data).toEqual(created.body.data);
    expect((await t.request('GET', '/api/users/999999', { token: admin })).status).toBe(404);
    expect((await t.request('GET', '/api/users/abc', { token: admin })).status).toBe(400);
  });

  it('updates details and answers with the record; an empty body is refused', async () => {
    const created = await post('/api/users/front-desk', account({ centreId: centre }));
    const id = created.body.data.id;
    const res = await t.request('PUT', `/api/users/${id}`, {
      token: admin,
      body: { fullName: 'John Updated', email: 'johnupdated@example.com', isActive: true, roleId: 5 },
    });
    expect(res.status).toBe(200);
    expect(res.body.message).toBe('User updated successfully');
    expect(res.body.data).toMatchObject({
      id,
      fullName: 'John Updated',
      email: 'johnupdated@example.com',
      roleName: 'CARE_COORDINATOR',
      isActive: true,
    });
    const cleared = await t.request('PUT', `/api/users/${id}`, {
      token: admin,
      body: { email: null, centreId: null },
    });
    expect(cleared.body.data).toMatchObject({ email: null, centreId: null });
    const empty = await t.request('PUT', `/api/users/${id}`, { token: admin, body: {} });
    expect(empty.status).toBe(400);
    const weak = await t.request('PUT', `/api/users/${id}`, {
      token: admin,
      body: { password: 'letmein123' },
    });
    expect(weak.body.error.details.password).toMatch(/commonly used/);
    const missing = await t.request('PUT', '/api/users/999999', { token: admin, body: { fullName: 'X' } });
    expect(missing.status).toBe(404);
  });

  it('a new password works at once and signs the account out of its old sessions', async () => {
    const body = account({ roleId: 6 });
    const created = await post('/api/users', body);
    const session = await staffLogin(t, { ...body, id: created.body.data.id });
    const res = await t.request('PUT', `/api/users/${created.body.data.id}`, {
      token: admin,
      body: { password: 'a-brand-new-passphrase' },
    });
    expect(res.status).toBe(200);
    const refresh = await t.request('POST', '/api/auth/refresh', {
      body: { refreshToken: session.refreshToken },
    });
    expect(refresh.body.error.code).toBe('INVALID_TOKEN');
    const login = (password: string) =>
      t.request('POST', '/api/auth/login/phone-password', { body: { phone: body.phone, password } });
    expect((await login(body.password)).status).toBe(401);
    expect((await login('a-brand-new-passphrase')).status).toBe(200);
  });

  it('soft-deletes: gone from reads, cannot log in, contacts free again, row kept', async () => {
    const body = account({ roleId: 6 });
    const created = await post('/api/users', body);
    const id = created.body.data.id;
    const res = await t.request('DELETE', `/api/users/${id}`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: 'User deleted successfully' });
    expect((await t.request('GET', `/api/users/${id}`, { token: admin })).status).toBe(404);
    const list = await t.request('GET', '/api/users?roleId=6&limit=100', { token: admin });
    expect(list.body.data.map((u: { id: number }) => u.id)).not.toContain(id);
    expect((await t.request('DELETE', `/api/users/${id}`, { token: admin })).status).toBe(404);
    expect((await t.request('PATCH', `/api/users/${id}/toggle-active`, { token: admin })).status).toBe(404);
    const login = await t.request('POST', '/api/auth/login/username-password', {
      body: { username: body.username, password: body.password },
    });
    expect(login.status).toBe(401);
    const rows = await t.inContext(() =>
      t.api.infra.orm.em
        .getConnection()
        .execute('select deleted_at is not null as deleted, is_active from staff_users where id = ?', [id]),
    );
    expect(rows[0]).toEqual({ deleted: true, is_active: false });
    const again = await post('/api/users', { ...body });
    expect(again.status).toBe(201);
    expect(again.body.data.id).not.toBe(id);
  });

  it('a clinician login is deleted with its profile, not here', async () => {
    const clinician = await t.request('POST', '/api/clinicians', {
      token: admin,
      body: { ...account(), primaryCentreId: centre, consultationFee: 1500 },
    });
    expect(clinician.status).toBe(201);
    const res = await t.request('DELETE', `/api/users/${clinician.body.data.userId}`, { token: admin });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('INVALID_STATE_TRANSITION');
    const asDesk = await t.request('PUT', `/api/users/${clinician.body.data.userId}`, {
      token: admin,
      body: { roleId: 6 },
    });
    expect(asDesk.status).toBe(400);
    expect(asDesk.body.error.details.roleId).toMatch(/\/api\/clinicians/);
  });
});
