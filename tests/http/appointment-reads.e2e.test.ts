import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAppointment, seedWorld, staffToken } from '../support/appointment-world.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('staff appointment reads (GET /api/appointments, /:id)', () => {
  let t: TestApi;
  let w: Awaited<ReturnType<typeof seedWorld>>;
  // By start: a1 04:30Z, a2 05:30Z, b1 14:00Z and a3 19:30Z on the 15th (UTC), b2 02:30Z on the 16th, a4 on the 17th.
  const ids = { a1: 0, a2: 0, a3: 0, a4: 0, b1: 0, b2: 0 };

  const list = async (query = '', token = w.admin) => {
    const res = await t.request('GET', `/api/appointments${query}`, { token });
    expect(res.status, res.text).toBe(200);
    return res.body as { data: Array<{ id: number }>; meta: { page: number; limit: number; total: number } };
  };
  const listIds = async (query = '', token = w.admin) => (await list(query, token)).data.map((a) => a.id);

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedWorld(t);
    const india = { clinicianId: w.rao.id, centreId: w.india };
    const ny = { clinicianId: w.shah.id, centreId: w.newYork };
    ids.a1 = await insertAppointment(t, {
      ...india,
      patientId: w.jane.id,
      startAt: '2030-01-15T10:00:00+05:30',
      notes: 'First consultation',
    });
    ids.a2 = await insertAppointment(t, {
      ...india,
      patientId: w.ravi.id,
      startAt: '2030-01-15T11:00:00+05:30',
      status: 'PENDING',
      feePaise: 120_050,
      paymentStatus: 'PENDING',
    });
    // 01:00 in Bangalore on the 16th is still the 15th in UTC.
    ids.a3 = await insertAppointment(t, {
      ...india,
      patientId: w.jane.id,
      startAt: '2030-01-16T01:00:00+05:30',
      status: 'CANCELLED',
      paymentStatus: 'REFUNDED',
    });
    ids.a4 = await insertAppointment(t, {
      ...india,
      patientId: w.anu.id,
      startAt: '2030-01-17T10:00:00+05:30',
      status: 'COMPLETED',
    });
    ids.b1 = await insertAppointment(t, {
      ...ny,
      patientId: w.ravi.id,
      startAt: '2030-01-15T09:00:00-05:00',
      feePaise: 200_000,
    });
    // 21:30 in New York on the 15th is already the 16th in UTC.
    ids.b2 = await insertAppointment(t, {
      ...ny,
      patientId: w.anu.id,
      startAt: '2030-01-15T21:30:00-05:00',
      status: 'NO_SHOW',
    });
  });
  afterAll(async () => t.close());

  it("lists every appointment by start in the spec's shape, with meta", async () => {
    const body = await list();
    expect(body.data.map((a) => a.id)).toEqual([ids.a1, ids.a2, ids.b1, ids.a3, ids.b2, ids.a4]);
    expect(body.meta).toEqual({ page: 1, limit: 20, total: 6 });
    expect(body.data[0]).toEqual({
      id: ids.a1,
      patientId: w.jane.id,
      patientName: 'Jane Smith',
      clinicianId: w.rao.id,
      clinicianName: 'Dr. Arjun Rao',
      centreId: w.india,
      centreName: 'Mibo Bangalore',
      appointmentDate: '2030-01-15',
      appointmentTime: '10:00:00',
      sessionType: 'ONLINE',
      status: 'CONFIRMED',
      consultationFee: 1500,
      paymentStatus: 'PAID',
    });
    expect(body.data[1]).toMatchObject({
      status: 'PENDING',
      consultationFee: 1200.5,
      paymentStatus: 'PENDING',
    });
  });

  it("shows each appointment's wall-clock date and time at its own centre", async () => {
    const data = (await list()).data as Array<Record<string, unknown>>;
    const at = (id: number) => data.find((a) => a.id === id);
    expect(at(ids.b1)).toMatchObject({
      appointmentDate: '2030-01-15',
      appointmentTime: '09:00:00',
      centreName: 'Mibo New York',
    });
    expect(at(ids.b2)).toMatchObject({ appointmentDate: '2030-01-15', appointmentTime: '21:30:00' });
    expect(at(ids.a3)).toMatchObject({ appointmentDate: '2030-01-16', appointmentTime: '01:00:00' });
  });

  it('filters by centre, clinician, patient, status and a day at the centre, alone or together', async () => {
    expect(await listIds(`?centreId=${w.newYork}`)).toEqual([ids.b1, ids.b2]);
    expect(await listIds(`?clinicianId=${w.rao.id}`)).toEqual([ids.a1, ids.a2, ids.a3, ids.a4]);
    expect(await listIds(`?patientId=${w.jane.id}`)).toEqual([ids.a1, ids.a3]);
    expect(await listIds('?status=CANCELLED')).toEqual([ids.a3]);
    expect(await listIds('?status=NO_SHOW')).toEqual([ids.b2]);
    // The day is read at each centre: b2 is on the 15th in New York, a3 on the 16th in Bangalore.
    expect(await listIds('?date=2030-01-15')).toEqual([ids.a1, ids.a2, ids.b1, ids.b2]);
    expect(await listIds('?date=2030-01-16')).toEqual([ids.a3]);
    expect(await listIds('?date=2030-01-18')).toEqual([]);
    expect(await listIds(`?centreId=${w.india}&date=2030-01-15&status=PENDING`)).toEqual([ids.a2]);
    expect(await listIds(`?patientId=${w.ravi.id}&clinicianId=${w.shah.id}`)).toEqual([ids.b1]);
    expect(await listIds('?centreId=999999')).toEqual([]);
  });

  it('pages with page and limit; a page past the end is empty but keeps the total', async () => {
    const second = await list('?limit=2&page=2');
    expect(second.data.map((a) => a.id)).toEqual([ids.b1, ids.a3]);
    expect(second.meta).toEqual({ page: 2, limit: 2, total: 6 });
    const beyond = await list('?limit=2&page=9');
    expect(beyond.data).toEqual([]);
    expect(beyond.meta).toEqual({ page: 9, limit: 2, total: 6 });
    expect((await list('?limit=100')).data).toHaveLength(6);
  });

  it('refuses bad queries with 400 VALIDATION_ERROR naming the field', async () => {
    const cases: Array<[string, string]> = [
      ['?limit=101', 'limit'],
      ['?limit=0', 'limit'],
      ['?page=0', 'page'],
      ['?status=BOOKED', 'status'],
      ['?date=2030-02-30', 'date'],
      ['?date=15-01-2030', 'date'],
      ['?centreId=abc', 'centreId'],
      ['?doctor=1', 'doctor'],
    ];
    for (const [query, field] of cases) {
      const res = await t.request('GET', `/api/appointments${query}`, { token: w.admin });
      expect(res.status, query).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(JSON.stringify(res.body.error.details), query).toContain(field);
    }
  });

  it("answers one appointment in the spec's detail shape", async () => {
    const res = await t.request('GET', `/api/appointments/${ids.a1}`, { token: w.admin });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      id: ids.a1,
      patientId: w.jane.id,
      patientName: 'Jane Smith',
      patientPhone: w.jane.phone,
      clinicianId: w.rao.id,
      clinicianName: 'Dr. Arjun Rao',
      centreId: w.india,
      centreName: 'Mibo Bangalore',
      appointmentDate: '2030-01-15',
      appointmentTime: '10:00:00',
      sessionType: 'ONLINE',
      status: 'CONFIRMED',
      consultationFee: 1500,
      paymentStatus: 'PAID',
      paymentLink: null,
      meetLink: null,
      notes: 'First consultation',
    });
    const ny = await t.request('GET', `/api/appointments/${ids.b2}`, { token: w.admin });
    expect(ny.body.data).toMatchObject({
      appointmentDate: '2030-01-15',
      appointmentTime: '21:30:00',
      status: 'NO_SHOW',
    });
  });

  it("keeps centre-bound staff to their own centre, replacing another centre's filter", async () => {
    const manager = await staffToken(t, 'CENTRE_MANAGER', w.india);
    expect(await listIds('', manager)).toEqual([ids.a1, ids.a2, ids.a3, ids.a4]);
    const replaced = await list(`?centreId=${w.newYork}`, manager);
    expect(replaced.data.map((a) => a.id)).toEqual([ids.a1, ids.a2, ids.a3, ids.a4]);
    expect(replaced.meta.total).toBe(4);
    expect(await listIds(`?clinicianId=${w.shah.id}`, manager)).toEqual([]);
    expect((await t.request('GET', `/api/appointments/${ids.b1}`, { token: manager })).status).toBe(404);
    expect((await t.request('GET', `/api/appointments/${ids.a1}`, { token: manager })).status).toBe(200);

    const nyDesk = await staffToken(t, 'FRONT_DESK', w.newYork);
    expect(await listIds('', nyDesk)).toEqual([ids.b1, ids.b2]);
    expect((await t.request('GET', `/api/appointments/${ids.a1}`, { token: nyDesk })).status).toBe(404);
  });

  it('lets unbound staff see every centre, and a centre manager without a centre none', async () => {
    for (const role of ['MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'] as const) {
      expect(await listIds('', await staffToken(t, role))).toHaveLength(6);
    }
    const orphan = await staffToken(t, 'CENTRE_MANAGER');
    expect(await list('', orphan)).toMatchObject({ data: [], meta: { total: 0 } });
    expect((await t.request('GET', `/api/appointments/${ids.a1}`, { token: orphan })).status).toBe(404);
  });
});
