import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patientLogin, randomPhone, seedStaff, staffLogin } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('clinicians (/api/clinicians)', () => {
  let t: TestApi;
  let admin: string;
  let centreA: number;
  let centreB: number;
  let managerOfA: string;

  const createCentre = async (name: string, timezone = 'Asia/Kolkata') => {
    const res = await t.request('POST', '/api/centres', {
      token: admin,
      body: { name, city: 'Bengaluru', address: `${name} road`, timezone },
    });
    if (res.status !== 201) throw new Error(`centre: ${res.text}`);
    return res.body.data.id as number;
  };

  const clinicianBody = (overrides: Record<string, unknown> = {}) => ({
    fullName: 'Dr. Meera Iyer',
    phone: randomPhone(),
    email: `meera${Math.random().toString(36).slice(2, 8)}@example.com`,
    password: 'Clinician-Pass-1',
    primaryCentreId: centreA,
    specialization: ['Clinical Psychologist'],
    qualification: ['M.Phil Clinical Psychology'],
    yearsOfExperience: 8,
    consultationFee: 1500,
    languages: ['English', 'Kannada'],
    defaultConsultationDurationMinutes: 50,
    ...overrides,
  });

  const create = async (token: string, overrides: Record<string, unknown> = {}) => {
    const body = clinicianBody(overrides);
    const res = await t.request('POST', '/api/clinicians', { token, body });
    return { res, body };
  };

  beforeAll(async () => {
    t = await startTestApi();
    admin = (await staffLogin(t, await seedStaff(t, { role: 'ADMIN' }))).accessToken;
    centreA = await createCentre('Indiranagar');
    centreB = await createCentre('Koramangala');
    managerOfA = (await staffLogin(t, await seedStaff(t, { role: 'CENTRE_MANAGER', centreId: centreA })))
      .accessToken;
  });
  afterAll(async () => t.close());

  it('creates a clinician with a staff login in one go', async () => {
    const { res, body } = await create(admin);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      success: true,
      message: 'Clinician created successfully',
      data: { id: expect.any(Number), userId: expect.any(Number), fullName: 'Dr. Meera Iyer' },
    });
    const login = await t.request('POST', '/api/auth/login/phone-password', {
      body: { phone: body.phone, password: body.password },
    });
    expect(login.status).toBe(200);
    expect(login.body.data.user).toMatchObject({ id: res.body.data.userId, roleName: 'CLINICIAN' });
  });

  it('shows the public no contact details, and managers the contacts', async () => {
    const { res, body } = await create(admin);
    const id = res.body.data.id;
    const pub = await t.request('GET', `/api/clinicians/${id}`);
    expect(pub.status).toBe(200);
    expect(pub.body.data).toEqual({
      id,
      userId: res.body.data.userId,
      fullName: 'Dr. Meera Iyer',
      specialization: ['Clinical Psychologist'],
      qualification: ['M.Phil Clinical Psychology'],
      yearsOfExperience: 8,
      consultationFee: 1500,
      languages: ['English', 'Kannada'],
      profilePictureUrl: null,
      primaryCentreId: centreA,
      defaultConsultationDurationMinutes: 50,
      isActive: true,
    });
    const managed = await t.request('GET', `/api/clinicians/${id}`, { token: admin });
    expect(managed.body.data).toMatchObject({ phone: body.phone, email: body.email });
  });

  it('filters by centre and by specialization (any case), paginated', async () => {
    await create(admin, { primaryCentreId: centreB, specialization: ['Child Psychologist'] });
    const atB = await t.request(
      'GET',
      `/api/clinicians?centreId=${centreB}&specialization=child%20psychologist`,
    );
    expect(atB.status).toBe(200);
    expect(atB.body.data.length).toBeGreaterThanOrEqual(1);
    for (const c of atB.body.data) {
      expect(c.primaryCentreId).toBe(centreB);
      expect(c).not.toHaveProperty('phone');
    }
    expect(atB.body.meta).toMatchObject({ page: 1, limit: 20, total: atB.body.data.length });
    expect((await t.request('GET', '/api/clinicians?limit=101')).status).toBe(400);
    expect((await t.request('GET', '/api/clinicians?centreId=abc')).status).toBe(400);
  });

  it('updates the fee and session length', async () => {
    const { res } = await create(admin);
    const id = res.body.data.id;
    const updated = await t.request('PUT', `/api/clinicians/${id}`, {
      token: admin,
      body: { consultationFee: 1800.5, yearsOfExperience: 11, specialization: ['Therapist'] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.data).toMatchObject({
      consultationFee: 1800.5,
      yearsOfExperience: 11,
      specialization: ['Therapist'],
    });
    const bad = await t.request('PUT', `/api/clinicians/${id}`, {
      token: admin,
      body: { consultationFee: 10.123 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toHaveProperty('consultationFee');
    expect((await t.request('PUT', `/api/clinicians/${id}`, { token: admin, body: {} })).status).toBe(400);
    expect(
      (await t.request('PUT', `/api/clinicians/${id}`, { token: admin, body: { isActive: false } })).status,
    ).toBe(400);
  });

  it('hides an inactive clinician from the public, not from managers, and can reactivate', async () => {
    const { res } = await create(admin);
    const id = res.body.data.id;
    const off = await t.request('PATCH', `/api/clinicians/${id}/toggle-active`, { token: admin });
    expect(off.status).toBe(200);
    expect(off.body.data.isActive).toBe(false);
    expect((await t.request('GET', `/api/clinicians/${id}`)).status).toBe(404);
    expect((await t.request('GET', `/api/clinicians/${id}/availability`)).status).toBe(404);
    const publicIds = (await t.request('GET', '/api/clinicians?limit=100')).body.data.map(
      (c: { id: number }) => c.id,
    );
    expect(publicIds).not.toContain(id);
    const managerIds = (await t.request('GET', '/api/clinicians?limit=100', { token: admin })).body.data.map(
      (c: { id: number }) => c.id,
    );
    expect(managerIds).toContain(id);
    const on = await t.request('PATCH', `/api/clinicians/${id}/toggle-active`, { token: admin });
    expect(on.body.data.isActive).toBe(true);
  });

  it('soft-deletes: gone for everyone, login deactivated, row kept', async () => {
    const { res, body } = await create(admin);
    const id = res.body.data.id;
    const deleted = await t.request('DELETE', `/api/clinicians/${id}`, { token: admin });
    expect(deleted.body).toEqual({ success: true, message: 'Clinician deleted successfully' });
    expect((await t.request('GET', `/api/clinicians/${id}`, { token: admin })).status).toBe(404);
    expect((await t.request('DELETE', `/api/clinicians/${id}`, { token: admin })).status).toBe(404);
    const login = await t.request('POST', '/api/auth/login/phone-password', {
      body: { phone: body.phone, password: body.password },
    });
    expect(login.status).toBe(401);
    const rows: unknown[] = await t.inContext(() =>
      t.api.infra.orm.em
        .getConnection()
        .execute('select id from clinicians where id = ? and deleted_at is not null', [id]),
    );
    expect(rows).toHaveLength(1);
  });

  it('refuses a duplicate phone and leaves nothing half-created', async () => {
    const { body } = await create(admin);
    const again = await t.request('POST', '/api/clinicians', {
      token: admin,
      body: { ...clinicianBody(), phone: body.phone },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('DUPLICATE_ENTRY');
    const users: unknown[] = await t.inContext(() =>
      t.api.infra.orm.em.getConnection().execute('select id from staff_users where phone = ?', [body.phone]),
    );
    expect(users).toHaveLength(1);
  });

  it('refuses an unknown centre, a short password and unknown fields', async () => {
    expect((await create(admin, { primaryCentreId: 999_999 })).res.status).toBe(404);
    const short = await create(admin, { password: 'short' });
    expect(short.res.status).toBe(400);
    expect(short.res.body.error.details).toHaveProperty('password');
    const extra = await create(admin, { isActive: false });
    expect(extra.res.status).toBe(400);
    expect(extra.res.body.error.details).toHaveProperty('isActive');
  });

  it('keeps a centre manager to their own centre', async () => {
    const mine = await create(managerOfA, { primaryCentreId: centreA });
    expect(mine.res.status).toBe(201);
    expect((await create(managerOfA, { primaryCentreId: centreB })).res.status).toBe(404);
    const other = (await create(admin, { primaryCentreId: centreB })).res.body.data.id;
    expect(
      (
        await t.request('PUT', `/api/clinicians/${other}`, {
          token: managerOfA,
          body: { yearsOfExperience: 1 },
        })
      ).status,
    ).toBe(404);
    expect(
      (await t.request('PATCH', `/api/clinicians/${other}/toggle-active`, { token: managerOfA })).status,
    ).toBe(404);
    const seen = (await t.request('GET', '/api/clinicians?limit=100', { token: managerOfA })).body.data;
    expect(seen.every((c: { primaryCentreId: number }) => c.primaryCentreId === centreA)).toBe(true);
  });

  it('allows only ADMIN, MANAGER and CENTRE_MANAGER to manage', async () => {
    const id = (await create(admin)).res.body.data.id;
    const tokens: Record<string, string> = {};
    for (const role of ['CLINICIAN', 'CARE_COORDINATOR', 'FRONT_DESK'] as const) {
      tokens[role] = (await staffLogin(t, await seedStaff(t, { role }))).accessToken;
    }
    tokens.PATIENT = (await patientLogin(t)).accessToken;
    const calls: Array<[string, string, object | undefined]> = [
      ['POST', '/api/clinicians', clinicianBody()],
      ['PUT', `/api/clinicians/${id}`, { yearsOfExperience: 3 }],
      ['DELETE', `/api/clinicians/${id}`, undefined],
      ['PATCH', `/api/clinicians/${id}/toggle-active`, undefined],
      ['PUT', `/api/clinicians/${id}/availability`, { availabilityRules: [] }],
      ['PUT', `/api/clinicians/${id}/exceptions`, { exceptions: [] }],
    ];
    for (const [method, path, body] of calls) {
      expect((await t.request(method, path, { body })).status).toBe(401);
      for (const [role, token] of Object.entries(tokens)) {
        const res = await t.request(method, path, { token, body });
        expect({ role, method, path, status: res.status }).toEqual({ role, method, path, status: 403 });
      }
    }
    const managerToken = (await staffLogin(t, await seedStaff(t, { role: 'MANAGER' }))).accessToken;
    expect(
      (
        await t.request('PUT', `/api/clinicians/${id}`, {
          token: managerToken,
          body: { yearsOfExperience: 3 },
        })
      ).status,
    ).toBe(200);
  });

  describe('availability and exceptions', () => {
    let id: number;
    beforeAll(async () => {
      id = (await create(admin)).res.body.data.id;
    });

    it('replaces the weekly rules (breaks as gaps, per centre) and serves them publicly', async () => {
      const rules = [
        {
          dayOfWeek: 'MONDAY',
          startTime: '09:00:00',
          endTime: '13:00:00',
          isAvailable: true,
          centreId: centreA,
        },
        { dayOfWeek: 'MONDAY', startTime: '14:00', endTime: '18:00', isAvailable: true, centreId: centreA },
        {
          dayOfWeek: 'TUESDAY',
          startTime: '10:00:00',
          endTime: '16:00:00',
          isAvailable: true,
          centreId: centreB,
        },
      ];
      const put = await t.request('PUT', `/api/clinicians/${id}/availability`, {
        token: admin,
        body: { availabilityRules: rules },
      });
      expect(put.status).toBe(200);
      const got = await t.request('GET', `/api/clinicians/${id}/availability`);
      expect(got.body.data).toEqual([
        {
          dayOfWeek: 'MONDAY',
          startTime: '09:00:00',
          endTime: '13:00:00',
          isAvailable: true,
          centreId: centreA,
        },
        {
          dayOfWeek: 'MONDAY',
          startTime: '14:00:00',
          endTime: '18:00:00',
          isAvailable: true,
          centreId: centreA,
        },
        {
          dayOfWeek: 'TUESDAY',
          startTime: '10:00:00',
          endTime: '16:00:00',
          isAvailable: true,
          centreId: centreB,
        },
      ]);
      const atB = (await t.request('GET', `/api/clinicians?centreId=${centreB}&limit=100`)).body.data.map(
        (c: { id: number }) => c.id,
      );
      expect(atB).toContain(id);
      await t.request('PUT', `/api/clinicians/${id}/availability`, {
        token: admin,
        body: { availabilityRules: rules.slice(0, 1) },
      });
      expect((await t.request('GET', `/api/clinicians/${id}/availability`)).body.data).toHaveLength(1);
    });

    it('refuses overlapping or backwards rules, bad days and unknown centres', async () => {
      const put = (availabilityRules: object[]) =>
        t.request('PUT', `/api/clinicians/${id}/availability`, { token: admin, body: { availabilityRules } });
      const overlap = await put([
        { dayOfWeek: 'MONDAY', startTime: '09:00', endTime: '12:00' },
        { dayOfWeek: 'MONDAY', startTime: '11:00', endTime: '13:00' },
      ]);
      expect(overlap.status).toBe(400);
      expect(overlap.body.error.code).toBe('VALIDATION_ERROR');
      expect((await put([{ dayOfWeek: 'MONDAY', startTime: '12:00', endTime: '09:00' }])).status).toBe(400);
      expect((await put([{ dayOfWeek: 'FUNDAY', startTime: '09:00', endTime: '10:00' }])).status).toBe(400);
      expect((await put([{ dayOfWeek: 'MONDAY', startTime: '25:00', endTime: '26:00' }])).status).toBe(400);
      expect(
        (await put([{ dayOfWeek: 'MONDAY', startTime: '09:00', endTime: '10:00', centreId: 999_999 }]))
          .status,
      ).toBe(404);
    });

    it('replaces future exceptions and refuses past or malformed ones', async () => {
      const put = (exceptions: object[]) =>
        t.request('PUT', `/api/clinicians/${id}/exceptions`, { token: admin, body: { exceptions } });
      const exceptions = [
        { date: '2099-01-01', isAvailable: false, reason: 'Holiday' },
        { date: '2099-01-02', isAvailable: false, startTime: '09:00', endTime: '11:00', centreId: centreA },
        { date: '2099-01-03', isAvailable: true, startTime: '08:00', endTime: '10:00' },
      ];
      const res = await put(exceptions);
      expect(res.status).toBe(200);
      const got = await t.request('GET', `/api/clinicians/${id}/exceptions`);
      expect(got.body.data).toEqual([
        {
          date: '2099-01-01',
          isAvailable: false,
          startTime: null,
          endTime: null,
          centreId: null,
          reason: 'Holiday',
        },
        {
          date: '2099-01-02',
          isAvailable: false,
          startTime: '09:00:00',
          endTime: '11:00:00',
          centreId: centreA,
          reason: null,
        },
        {
          date: '2099-01-03',
          isAvailable: true,
          startTime: '08:00:00',
          endTime: '10:00:00',
          centreId: null,
          reason: null,
        },
      ]);
      expect((await put([{ date: '2001-01-01', isAvailable: false }])).status).toBe(400);
      expect((await put([{ date: '2099-02-30', isAvailable: false }])).status).toBe(400);
      expect((await put([{ date: '2099-01-05', isAvailable: true }])).status).toBe(400);
      expect((await put([{ date: '2099-01-05', isAvailable: false, startTime: '10:00' }])).status).toBe(400);
      expect((await t.request('GET', `/api/clinicians/${id}/exceptions`)).body.data).toHaveLength(3);
    });
  });
});
