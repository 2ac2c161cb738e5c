import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallClockOf } from '../../src/domain/scheduling/time-zone.js';
import { insertAppointment, seedWorld, staffToken } from '../support/appointment-world.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
/** An instant relative to now, on a whole minute (the API shows times to the minute). */
const fromNow = (ms: number) => new Date(Math.floor((Date.now() + ms) / MINUTE) * MINUTE).toISOString();

describe("own appointments: the clinician's agenda and the patient's bookings", () => {
  let t: TestApi;
  let w: Awaited<ReturnType<typeof seedWorld>>;
  const ids = {
    started: 0,
    tomorrow: 0,
    lastWeek: 0,
    cancelledSoon: 0,
    cancelledPast: 0,
    lapsedHold: 0,
    held: 0,
  };
  const other = { shahs: 0, raoInNewYork: 0 };
  let startedAt = '';
  let heldUntil = '';

  const get = (path: string, token: string) => t.request('GET', path, { token });

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedWorld(t);
    const rao = { clinicianId: w.rao.id, centreId: w.india };
    startedAt = fromNow(-10 * MINUTE);
    heldUntil = fromNow(10 * MINUTE);
    ids.started = await insertAppointment(t, { ...rao, patientId: w.jane.id, startAt: startedAt });
    ids.tomorrow = await insertAppointment(t, { ...rao, patientId: w.ravi.id, startAt: fromNow(DAY) });
    ids.lastWeek = await insertAppointment(t, {
      ...rao,
      patientId: w.anu.id,
      startAt: fromNow(-7 * DAY),
      status: 'COMPLETED',
    });
    ids.cancelledSoon = await insertAppointment(t, {
      ...rao,
      patientId: w.jane.id,
      startAt: fromNow(DAY + 120 * MINUTE),
      status: 'CANCELLED',
      cancellationReason: 'Clinician unavailable',
    });
    ids.cancelledPast = await insertAppointment(t, {
      ...rao,
      patientId: w.ravi.id,
      startAt: fromNow(-6 * DAY),
      status: 'CANCELLED',
    });
    ids.lapsedHold = await insertAppointment(t, {
      ...rao,
      patientId: w.anu.id,
      startAt: fromNow(2 * DAY),
      status: 'PENDING',
      paymentStatus: 'PENDING',
      holdExpiresAt: fromNow(-MINUTE),
    });
    ids.held = await insertAppointment(t, {
      ...rao,
      patientId: w.jane.id,
      startAt: fromNow(3 * DAY),
      status: 'PENDING',
      paymentStatus: 'PENDING',
      feePaise: 99_900,
      holdExpiresAt: heldUntil,
      paymentLinkUrl: 'https://rzp.io/i/held',
    });
    other.shahs = await insertAppointment(t, {
      clinicianId: w.shah.id,
      centreId: w.newYork,
      patientId: w.ravi.id,
      startAt: fromNow(DAY + 300 * MINUTE),
    });
    other.raoInNewYork = await insertAppointment(t, {
      clinicianId: w.rao.id,
      centreId: w.newYork,
      patientId: w.anu.id,
      startAt: fromNow(4 * DAY),
    });
  });
  afterAll(async () => t.close());

  it("splits the calling clinician's appointments into current, upcoming and past", async () => {
    const res = await get('/api/appointments/my-appointments', w.rao.token);
    expect(res.status).toBe(200);
    const local = wallClockOf(new Date(startedAt), 'Asia/Kolkata');
    expect(res.body.data.current).toEqual([
      {
        id: ids.started,
        patientName: 'Jane Smith',
        appointmentDate: local.date.toString(),
        appointmentTime: local.time.toString(),
        sessionType: 'ONLINE',
        status: 'CONFIRMED',
        meetLink: null,
      },
    ]);
    const idsOf = (items: Array<{ id: number }>) => items.map((a) => a.id);
    // Cancelled ones and a hold that ran out no longer take the clinician's time.
    expect(idsOf(res.body.data.upcoming)).toEqual([ids.tomorrow, ids.held, other.raoInNewYork]);
    expect(idsOf(res.body.data.past)).toEqual([ids.cancelledPast, ids.lastWeek]);
    expect(res.body.data.past[1]).toMatchObject({ patientName: 'Anu Das', status: 'COMPLETED' });
    expect(res.body.meta).toEqual({ page: 1, limit: 20, total: { current: 1, upcoming: 3, past: 2 } });

    const shahs = await get('/api/appointments/my-appointments', w.shah.token);
    expect(shahs.body.data).toEqual({
      current: [],
      upcoming: [expect.objectContaining({ id: other.shahs })],
      past: [],
    });
  });

  it('pages each list of the agenda on its own', async () => {
    const res = await get('/api/appointments/my-appointments?page=2&limit=1', w.rao.token);
    expect(res.body.data.current).toEqual([]);
    expect(res.body.data.upcoming.map((a: { id: number }) => a.id)).toEqual([ids.held]);
    expect(res.body.data.past.map((a: { id: number }) => a.id)).toEqual([ids.lastWeek]);
    expect(res.body.meta.total).toEqual({ current: 1, upcoming: 3, past: 2 });
    expect((await get('/api/appointments/my-appointments?limit=101', w.rao.token)).status).toBe(400);
    expect((await get('/api/appointments/my-appointments?status=PENDING', w.rao.token)).status).toBe(400);
  });

  it('gives a clinician account without a profile empty lists', async () => {
    const res = await get('/api/appointments/my-appointments', await staffToken(t, 'CLINICIAN'));
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ current: [], upcoming: [], past: [] });
  });

  it("shows a clinician their own appointment at any centre, and another clinician's as 404", async () => {
    const own = await get(`/api/appointments/${ids.started}`, w.rao.token);
    expect(own.status).toBe(200);
    expect(own.body.data).toMatchObject({
      id: ids.started,
      patientName: 'Jane Smith',
      patientPhone: w.jane.phone,
    });
    expect((await get(`/api/appointments/${other.raoInNewYork}`, w.rao.token)).status).toBe(200);
    const foreign = await get(`/api/appointments/${other.shahs}`, w.rao.token);
    expect(foreign.status).toBe(404);
    expect(foreign.body.error.code).toBe('NOT_FOUND');
  });

  it("lists only the calling patient's own appointments, by start", async () => {
    const res = await get('/api/booking/my-appointments', w.jane.token);
    expect(res.status).toBe(200);
    expect(res.body.data.map((a: { id: number }) => a.id)).toEqual([
      ids.started,
      ids.cancelledSoon,
      ids.held,
    ]);
    expect(res.body.meta).toEqual({ page: 1, limit: 20, total: 3 });
    const local = wallClockOf(new Date(startedAt), 'Asia/Kolkata');
    expect(res.body.data[0]).toEqual({
      id: ids.started,
      clinicianName: 'Dr. Arjun Rao',
      centreName: 'Mibo Bangalore',
      appointmentDate: local.date.toString(),
      appointmentTime: local.time.toString(),
      sessionType: 'ONLINE',
      status: 'CONFIRMED',
      paymentStatus: 'PAID',
      meetLink: null,
    });
    const paged = await get('/api/booking/my-appointments?page=2&limit=2', w.jane.token);
    expect(paged.body.data.map((a: { id: number }) => a.id)).toEqual([ids.held]);
    expect(paged.body.meta).toEqual({ page: 2, limit: 2, total: 3 });
    const ravis = await get('/api/booking/my-appointments', w.ravi.token);
    expect(ravis.body.data.map((a: { id: number }) => a.id)).toEqual([
      ids.cancelledPast,
      ids.tomorrow,
      other.shahs,
    ]);
    expect((await get('/api/booking/my-appointments?limit=101', w.jane.token)).status).toBe(400);
  });

  it("shows a patient their own appointment's details, and another's as 404", async () => {
    const held = await get(`/api/booking/${ids.held}`, w.jane.token);
    expect(held.status).toBe(200);
    expect(held.body.data).toMatchObject({
      id: ids.held,
      clinicianName: 'Dr. Arjun Rao',
      centreName: 'Mibo Bangalore',
      status: 'PENDING',
      paymentStatus: 'PENDING',
      consultationFee: 999,
      paymentLink: 'https://rzp.io/i/held',
      meetLink: null,
      holdExpiresAt: heldUntil,
      cancellationReason: null,
    });
    const cancelled = await get(`/api/booking/${ids.cancelledSoon}`, w.jane.token);
    expect(cancelled.body.data).toMatchObject({
      status: 'CANCELLED',
      holdExpiresAt: null,
      cancellationReason: 'Clinician unavailable',
    });
    const confirmed = await get(`/api/booking/${ids.started}`, w.jane.token);
    expect(confirmed.body.data).toMatchObject({
      status: 'CONFIRMED',
      holdExpiresAt: null,
      consultationFee: 1500,
      paymentLink: null,
    });
    const staffView = await get(`/api/appointments/${ids.held}`, w.rao.token);
    expect(staffView.body.data).toMatchObject({ paymentLink: 'https://rzp.io/i/held', meetLink: null });
    const others = await get(`/api/booking/${ids.tomorrow}`, w.jane.token);
    expect(others.status).toBe(404);
    expect(others.body.error.code).toBe('NOT_FOUND');
  });
});
