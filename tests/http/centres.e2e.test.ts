import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../src/bootstrap/tokens.js';
import { seedCentre, seedStaff, staffLogin } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

describe('centres (/api/centres)', () => {
  let t: TestApi;
  let admin: string;
  let manager: string;
  const as = (token: string) => ({
    get: (path: string) => t.request('GET', path, { token }),
    post: (body: unknown) => t.request('POST', '/api/centres', { token, body }),
    put: (id: number, body: unknown) => t.request('PUT', `/api/centres/${id}`, { token, body }),
    del: (id: number) => t.request('DELETE', `/api/centres/${id}`, { token }),
    toggle: (id: number) => t.request('PATCH', `/api/centres/${id}/toggle-active`, { token }),
  });

  beforeAll(async () => {
    t = await startTestApi();
    admin = (await staffLogin(t, await seedStaff(t, { role: 'ADMIN' }))).accessToken;
    manager = (await staffLogin(t, await seedStaff(t, { role: 'MANAGER' }))).accessToken;
  });
  afterAll(async () => t.close());

  it('creates a centre (201) and reads it back by id and in the list', async () => {
    const body = {
      name: 'Mibo Mumbai',
      city: 'Mumbai',
      address: '456 Marine Drive, Mumbai',
      phone: '+912212345678',
      email: 'mumbai@mibo.com',
    };
    const created = await as(manager).post(body);
    expect(created.status).toBe(201);
    const centre = { ...body, id: expect.any(Number), timezone: 'Asia/Kolkata', isActive: true };
    expect(created.body).toEqual({
      success: true,
      message: 'Centre created successfully',
      data: { ...centre, createdAt: expect.stringMatching(ISO) },
    });
    const { id, createdAt } = created.body.data;
    expect(await as(admin).get(`/api/centres/${id}`)).toMatchObject({
      status: 200,
      body: { success: true, data: { ...centre, id, createdAt } },
    });
    const listed = await as(admin).get('/api/centres?city=MUMBAI');
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      success: true,
      data: [{ ...centre, id, createdAt }],
      meta: { page: 1, limit: 20, total: 1 },
    });
  });

  it('takes a time zone and common phone formats; optional fields default to null', async () => {
    const res = await as(admin).post({
      name: 'Mibo Dubai',
      city: 'Dubai',
      address: 'Sheikh Zayed Road',
      phone: '98765 43210',
      timezone: 'Asia/Dubai',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({ phone: '+919876543210', email: null, timezone: 'Asia/Dubai' });
  });

  it('updates any subset of fields (200 with the record) and keeps the rest', async () => {
    const id = await seedCentre(t, { name: 'Mibo Bangalore', city: 'Bangalore', phone: '+918012345678' });
    const res = await as(admin).put(id, { phone: '+918012345679', email: 'bangalore.updated@mibo.com' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      success: true,
      message: 'Centre updated successfully',
      data: {
        id,
        name: 'Mibo Bangalore',
        city: 'Bangalore',
        address: '1 Test Road',
        phone: '+918012345679',
        email: 'bangalore.updated@mibo.com',
        timezone: 'Asia/Kolkata',
        isActive: true,
        createdAt: expect.stringMatching(ISO),
      },
    });
    const cleared = await as(manager).put(id, { email: null, timezone: 'Europe/London' });
    expect(cleared.body.data).toMatchObject({
      email: null,
      timezone: 'Europe/London',
      phone: '+918012345679',
    });
  });

  it('toggles isActive off and back on, answering the record each time', async () => {
    const id = await seedCentre(t);
    const off = await as(manager).toggle(id);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({
      message: 'Centre deactivated successfully',
      data: { id, isActive: false },
    });
    const on = await as(admin).toggle(id);
    expect(on.body).toMatchObject({ message: 'Centre activated successfully', data: { id, isActive: true } });
  });

  it('soft-deletes: gone from GET and lists, row kept, takes no bookings, name free again', async () => {
    const id = await seedCentre(t, { name: 'Doomed', city: 'Pune' });
    const res = await as(admin).del(id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: 'Centre deleted successfully' });
    expect((await as(admin).get(`/api/centres/${id}`)).status).toBe(404);
    expect((await as(admin).get('/api/centres?city=pune')).body.data).toEqual([]);
    for (const again of [as(admin).del(id), as(admin).toggle(id), as(admin).put(id, { name: 'Back' })]) {
      expect((await again).body.error.code).toBe('NOT_FOUND');
    }
    const row = await t.inContext(() => t.api.container.get(T.Centres).findById(id));
    expect(row?.deletedAt).toBeInstanceOf(Date);
    expect(row?.name).toBe('Doomed');
    expect(row?.acceptsBookings()).toBe(false);
    expect((await as(admin).post({ name: 'Doomed', city: 'Pune', address: 'New address' })).status).toBe(201);
  });

  it('refuses a second centre of the same name in the same city (any case) with 409', async () => {
    await seedCentre(t, { name: 'Mibo Chennai', city: 'Chennai' });
    const dup = await as(admin).post({ name: 'MIBO chennai', city: 'chennai', address: 'Anna Salai' });
    expect(dup.status).toBe(409);
    expect(dup.body.error).toEqual({
      code: 'DUPLICATE_ENTRY',
      message: 'A centre with this name already exists in this city',
    });
    expect((await as(admin).post({ name: 'Mibo Chennai', city: 'Madurai', address: 'x' })).status).toBe(201);
    const other = await seedCentre(t, { name: 'Mibo Chennai 2', city: 'Chennai' });
    const renamed = await as(admin).put(other, { name: 'Mibo Chennai' });
    expect(renamed.status).toBe(409);
    expect(renamed.body.error.code).toBe('DUPLICATE_ENTRY');
  });

  it('paginates with meta; limit over 100 → 400', async () => {
    for (const name of ['A', 'B', 'C']) await seedCentre(t, { name, city: 'Pagetown' });
    const page = (q: string) => as(admin).get(`/api/centres?city=pagetown&${q}`);
    const first = await page('limit=2');
    expect(first.body.data.map((c: { name: string }) => c.name)).toEqual(['A', 'B']);
    expect(first.body.meta).toEqual({ page: 1, limit: 2, total: 3 });
    expect((await page('limit=2&page=2')).body.data.map((c: { name: string }) => c.name)).toEqual(['C']);
    expect((await page('limit=2&page=3')).body).toMatchObject({ data: [], meta: { page: 3, total: 3 } });
    const tooMany = await page('limit=101');
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.details).toHaveProperty('limit');
  });
});
