import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCentre, seedStaff, staffLogin } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const valid = { name: 'Mibo Delhi', city: 'Delhi', address: '1 Connaught Place' };

describe('centres: validation', () => {
  let t: TestApi;
  let admin: string;
  let id: number;
  const create = (body: unknown) => t.request('POST', '/api/centres', { token: admin, body });
  const update = (body: unknown) => t.request('PUT', `/api/centres/${id}`, { token: admin, body });

  /** 400 VALIDATION_ERROR naming exactly these fields. */
  const expectRefused = (res: Awaited<ReturnType<typeof create>>, fields: string[]) => {
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_ERROR');
    expect(Object.keys(res.body.error.details).sort()).toEqual(fields.sort());
  };

  beforeAll(async () => {
    t = await startTestApi();
    admin = (await staffLogin(t, await seedStaff(t, { role: 'ADMIN' }))).accessToken;
    id = await seedCentre(t, { name: 'Mibo Noida', city: 'Noida' });
  });
  afterAll(async () => t.close());

  it('create needs name, city and address', async () => {
    expectRefused(await create({}), ['name', 'city', 'address']);
    expectRefused(await create({ ...valid, name: '   ' }), ['name']);
    expectRefused(await create({ ...valid, address: 42 }), ['address']);
  });

  it('refuses unknown fields, naming them', async () => {
    const res = await create({ ...valid, isActive: false });
    expectRefused(res, ['isActive']);
    expect(res.body.error.details.isActive).toBe('Unknown field');
    expectRefused(await update({ deletedAt: null }), ['deletedAt']);
  });

  it('refuses a time zone that is not IANA', async () => {
    const res = await create({ ...valid, timezone: 'Mars/Olympus' });
    expectRefused(res, ['timezone']);
    expectRefused(await create({ ...valid, timezone: '+05:30' }), ['timezone']);
    expectRefused(await update({ timezone: 'Mars/Olympus' }), ['timezone']);
  });

  it('refuses bad phones and emails', async () => {
    expectRefused(await create({ ...valid, phone: '12345' }), ['phone']);
    expectRefused(await create({ ...valid, phone: 'call us' }), ['phone']);
    expectRefused(await create({ ...valid, email: 'nobody' }), ['email']);
    expectRefused(await update({ phone: '+0123' }), ['phone']);
  });

  it('refuses control characters (a NUL never reaches the database)', async () => {
    expectRefused(await create({ ...valid, city: 'Del\u0000hi' }), ['city']);
    expectRefused(await update({ name: 'Two\nLines' }), ['name']);
    const query = await t.request('GET', '/api/centres?city=%00', { token: admin });
    expect(query.status).toBe(400);
  });

  it('an update needs at least one field, and an empty name is refused', async () => {
    expectRefused(await update({}), ['body']);
    expectRefused(await update({ name: '' }), ['name']);
    expectRefused(await update({ city: null }), ['city']);
  });

  it('nothing refused is written', async () => {
    const res = await t.request('GET', `/api/centres/${id}`, { token: admin });
    expect(res.body.data).toMatchObject({ name: 'Mibo Noida', city: 'Noida', timezone: 'Asia/Kolkata' });
    const list = await t.request('GET', '/api/centres?city=delhi', { token: admin });
    expect(list.body.data).toEqual([]);
  });

  it('ids, page and unknown query keys are checked', async () => {
    for (const path of [
      '/api/centres/abc',
      '/api/centres/0',
      '/api/centres?page=0',
      '/api/centres?sort=name',
    ]) {
      const res = await t.request('GET', path, { token: admin });
      expect(res.status, path).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
    }
  });
});
