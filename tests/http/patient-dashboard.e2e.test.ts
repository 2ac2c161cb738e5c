import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STAFF_ROLE_NAMES } from '../../src/domain/identity/role.js';
import { wallClockOf } from '../../src/domain/scheduling/time-zone.js';
import { insertAppointment, seedWorld, staffToken } from '../support/appointment-world.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { insertPayment } from './analytics-support.js';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const fromNow = (ms: number) => new Date(Math.floor((Date.now() + ms) / MINUTE) * MINUTE).toISOString();

describe('patient dashboard: overview, lists and profile of the calling patient only', () => {
  let t: TestApi;
  let w: Awaited<ReturnType<typeof seedWorld>>;
  const jane = { confirmed: 0, held: 0, lapsed: 0, completed: 0, cancelled: 0 };
  let ravisConfirmed = 0;
  let confirmedAt = '';

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedWorld(t);
    const rao = { clinicianId: w.rao.id, centreId: w.india };
    const shah = { clinicianId: w.shah.id, centreId: w.newYork };
    confirmedAt = fromNow(5 * DAY);
    jane.confirmed = await insertAppointment(t, { ...shah, patientId: w.jane.id, startAt: confirmedAt });
    jane.held = await insertAppointment(t, {
      ...rao,
      patientId: w.jane.id,
      startAt: fromNow(6 * DAY),
      status: 'PENDING',
      paymentStatus: 'PENDING',
      holdExpiresAt: fromNow(10 * MINUTE),
    });
    jane.lapsed = await insertAppointment(t, {
      ...rao,
      patientId: w.jane.id,
      startAt: fromNow(7 * DAY),
      status: 'PENDING',
      paymentStatus: 'PENDING',
      holdExpiresAt: fromNow(-MINUTE),
    });
    jane.completed = await insertAppointment(t, {
      ...rao,
      patientId: w.jane.id,
      startAt: fromNow(-9 * DAY),
      status: 'COMPLETED',
    });
    jane.cancelled = await insertAppointment(t, {
      ...rao,
      patientId: w.jane.id,
      startAt: fromNow(-3 * DAY),
      status: 'CANCELLED',
      paymentStatus: 'REFUNDED',
    });
    ravisConfirmed = await insertAppointment(t, { ...rao, patientId: w.ravi.id, startAt: fromNow(2 * DAY) });
    await insertPayment(t, {
      appointmentId: jane.completed,
      patientId: w.jane.id,
      centreId: w.india,
      amountPaise: 150_000,
      status: 'PAID',
      paidAt: fromNow(-10 * DAY),
    });
    await insertPayment(t, {
      appointmentId: jane.cancelled,
      patientId: w.jane.id,
      centreId: w.india,
      amountPaise: 120_050,
      status: 'REFUNDED',
      paidAt: fromNow(-4 * DAY),
      refundedAt: fromNow(-3 * DAY),
    });
    await insertPayment(t, {
      appointmentId: jane.confirmed,
      patientId: w.jane.id,
      centreId: w.newYork,
      amountPaise: 99_900,
      status: 'PAID',
      paidAt: fromNow(-1 * DAY),
      method: 'card',
    });
    await insertPayment(t, {
      appointmentId: ravisConfirmed,
      patientId: w.ravi.id,
      centreId: w.india,
      amountPaise: 500_000,
      status: 'PAID',
      paidAt: fromNow(-MINUTE),
    });
  });
  afterAll(async () => t.close());

  const get = (path: string, token: string) => t.request('GET', path, { token });

  it('answers 401 without a token and 403 to every staff role, on every route', async () => {
    const routes: Array<[string, string, unknown?]> = [
      ['GET', '/api/patient/dashboard'],
      ['GET', '/api/patient/appointments'],
      ['GET', '/api/patient/payments'],
      ['GET', '/api/patient/profile'],
      ['PUT', '/api/patient/profile', { fullName: 'X' }],
      ['POST', `/api/patient/appointments/${jane.confirmed}/cancel`, {}],
      ['POST', `/api/patient/appointments/${jane.completed}/rating`, { rating: 5 }],
    ];
    const staff = await Promise.all(STAFF_ROLE_NAMES.map((role) => staffToken(t, role)));
    for (const [method, path, body] of routes) {
      const none = await t.request(method, path, { body });
      expect([path, none.status, none.body.error?.code]).toEqual([path, 401, 'UNAUTHORIZED']);
      for (const token of [...staff, w.rao.token]) {
        const res = await t.request(method, path, { body, token });
        expect([path, res.status, res.body.error?.code]).toEqual([path, 403, 'FORBIDDEN']);
      }
    }
  });

  it('shows the overview from the calling patient’s own appointments and payments', async () => {
    const res = await get('/api/patient/dashboard', w.jane.token);
    expect(res.status).toBe(200);
    const ny = wallClockOf(new Date(confirmedAt), 'America/New_York');
    expect(res.body.data.upcomingAppointments[0]).toEqual({
      id: jane.confirmed,
      clinicianName: 'Dr. Nisha Shah',
      appointmentDate: ny.date.toString(),
      appointmentTime: ny.time.toString(),
      sessionType: 'ONLINE',
    });
    // A hold that ran out no longer keeps its slot: it is not a coming session.
    expect(res.body.data.upcomingAppointments.map((a: { id: number }) => a.id)).toEqual([
      jane.confirmed,
      jane.held,
    ]);
    expect(res.body.data.recentPayments).toEqual([
      expect.objectContaining({ appointmentId: jane.confirmed, amount: 999, status: 'PAID' }),
      expect.objectContaining({ appointmentId: jane.cancelled, amount: 1200.5, status: 'REFUNDED' }),
      expect.objectContaining({ appointmentId: jane.completed, amount: 1500, status: 'PAID' }),
    ]);
    // Four not cancelled; 1500 + 1200.50 + 999 captured, 1200.50 refunded.
    expect(res.body.data).toMatchObject({ totalAppointments: 4, totalSpent: 2499 });

    const anu = await get('/api/patient/dashboard', w.anu.token);
    expect(anu.body.data).toEqual({
      upcomingAppointments: [],
      recentPayments: [],
      totalAppointments: 0,
      totalSpent: 0,
    });
  });

  it('lists only the calling patient’s appointments and payments, paginated', async () => {
    const list = await get('/api/patient/appointments?limit=2&page=2', w.jane.token);
    expect(list.status).toBe(200);
    expect(list.body.meta).toEqual({ page: 2, limit: 2, total: 5 });
    const all = await get('/api/patient/appointments', w.jane.token);
    expect(all.body.data.map((a: { id: number }) => a.id).sort()).toEqual(Object.values(jane).sort());
    expect(all.body.data.find((a: { id: number }) => a.id === jane.confirmed)).toMatchObject({
      centreName: 'Mibo New York',
      status: 'CONFIRMED',
      paymentStatus: 'PAID',
    });
    expect(all.body.meta).toEqual({ page: 1, limit: 20, total: 5 });

    const payments = await get('/api/patient/payments', w.jane.token);
    expect(payments.status).toBe(200);
    const ids = payments.body.data.map((p: { appointmentId: number }) => p.appointmentId);
    expect(ids).not.toContain(ravisConfirmed);
    expect(
      payments.body.data.find((p: { appointmentId: number }) => p.appointmentId === jane.confirmed),
    ).toEqual({
      appointmentId: jane.confirmed,
      clinicianName: 'Dr. Nisha Shah',
      amount: 999,
      status: 'PAID',
      paymentMethod: 'card',
      paidAt: expect.any(String),
    });
    for (const query of ['limit=101', 'limit=0', 'page=0', 'status=PAID'])
      for (const path of ['/api/patient/appointments', '/api/patient/payments']) {
        const bad = await get(`${path}?${query}`, w.jane.token);
        expect([path, query, bad.status]).toEqual([path, query, 400]);
      }
  });

  it('shows and updates the profile, normalising phones and checking every value', async () => {
    const before = await get('/api/patient/profile', w.ravi.token);
    expect(before.body.data).toEqual({
      id: w.ravi.id,
      fullName: 'Ravi Kumar',
      phone: w.ravi.phone,
      email: null,
      dateOfBirth: null,
      gender: null,
      bloodGroup: null,
      emergencyContactName: null,
      emergencyContactPhone: null,
    });
    const body = {
      fullName: 'Ravi K',
      email: 'Ravi@Example.com',
      dateOfBirth: '1990-05-15',
      gender: 'MALE',
      bloodGroup: 'AB-',
      emergencyContactName: 'Meera Kumar',
      emergencyContactPhone: '098765 43211',
    };
    const put = await t.request('PUT', '/api/patient/profile', { token: w.ravi.token, body });
    expect(put.status).toBe(200);
    expect(put.body.message).toBe('Profile updated successfully');
    const expected = {
      ...body,
      id: w.ravi.id,
      phone: w.ravi.phone,
      email: 'ravi@example.com',
      emergencyContactPhone: '+919876543211',
    };
    expect(put.body.data).toEqual(expected);
    expect((await get('/api/patient/profile', w.ravi.token)).body.data).toEqual(expected);

    const cleared = await t.request('PUT', '/api/patient/profile', {
      token: w.ravi.token,
      body: { email: null },
    });
    expect(cleared.body.data).toMatchObject({ email: null, bloodGroup: 'AB-' });
    expect((await get('/api/patient/profile', w.jane.token)).body.data.email).toBeNull();

    const tomorrow = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
    for (const bad of [
      { email: 'not-an-email' },
      { dateOfBirth: tomorrow },
      { dateOfBirth: '1990-02-30' },
      { bloodGroup: 'C+' },
      { gender: 'male' },
      { emergencyContactPhone: '12345' },
      { fullName: '' },
      { phone: '+919999999999' },
      { medicalHistory: 'x' },
      {},
    ]) {
      const res = await t.request('PUT', '/api/patient/profile', { token: w.ravi.token, body: bad });
      expect([bad, res.status, res.body.error?.code]).toEqual([bad, 400, 'VALIDATION_ERROR']);
    }
    expect((await get('/api/patient/profile', w.ravi.token)).body.data.bloodGroup).toBe('AB-');
  });
});
