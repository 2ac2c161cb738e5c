import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertAppointment, seedWorld } from '../support/appointment-world.js';
import { startTestApi, type TestApi } from '../support/test-api.js';
import { insertPayment, statementsDuring } from './analytics-support.js';

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const fromNow = (ms: number) => new Date(Math.floor((Date.now() + ms) / MINUTE) * MINUTE).toISOString();

describe("patient dashboard: cancelling, rating, and nothing of another patient's", () => {
  let t: TestApi;
  let w: Awaited<ReturnType<typeof seedWorld>>;
  const ids = { farAway: 0, soon: 0, completed: 0, confirmedPast: 0, ravisCompleted: 0, ravisUpcoming: 0 };

  const statusOf = async (id: number) => {
    const rows: Array<{ status: string }> = await t.inContext(() =>
      t.api.infra.orm.em.getConnection().execute('select status from appointments where id = ?', [id]),
    );
    return rows[0]?.status;
  };
  const ratingsOf = async (id: number) => {
    const rows: Array<{ n: string }> = await t.inContext(() =>
      t.api.infra.orm.em
        .getConnection()
        .execute('select count(*) as n from appointment_ratings where appointment_id = ?', [id]),
    );
    return Number(rows[0]!.n);
  };

  beforeAll(async () => {
    t = await startTestApi();
    w = await seedWorld(t);
    const rao = { clinicianId: w.rao.id, centreId: w.india };
    ids.farAway = await insertAppointment(t, { ...rao, patientId: w.jane.id, startAt: fromNow(10 * DAY) });
    ids.soon = await insertAppointment(t, {
      ...rao,
      patientId: w.jane.id,
      startAt: fromNow(2 * 60 * MINUTE),
    });
    ids.completed = await insertAppointment(t, {
      ...rao,
      patientId: w.jane.id,
      startAt: fromNow(-5 * DAY),
      status: 'COMPLETED',
    });
    ids.confirmedPast = await insertAppointment(t, {
      ...rao,
      patientId: w.jane.id,
      startAt: fromNow(-2 * DAY),
    });
    ids.ravisCompleted = await insertAppointment(t, {
      ...rao,
      patientId: w.ravi.id,
      startAt: fromNow(-6 * DAY),
      status: 'COMPLETED',
    });
    ids.ravisUpcoming = await insertAppointment(t, {
      ...rao,
      patientId: w.ravi.id,
      startAt: fromNow(12 * DAY),
    });
    await insertPayment(t, {
      appointmentId: ids.ravisUpcoming,
      patientId: w.ravi.id,
      centreId: w.india,
      amountPaise: 150_000,
      status: 'PAID',
      paidAt: fromNow(-DAY),
    });
  });
  afterAll(async () => t.close());

  const post = (path: string, token: string, body: unknown = {}) => t.request('POST', path, { token, body });

  it('cancels my appointment before the cut-off, and refuses inside it', async () => {
    const res = await post(`/api/patient/appointments/${ids.farAway}/cancel`, w.jane.token, {
      reason: 'Travelling',
    });
    expect([res.status, res.body.message]).toEqual([200, 'Appointment cancellation requested']);
    expect(await statusOf(ids.farAway)).toBe('CANCELLED');
    const late = await post(`/api/patient/appointments/${ids.soon}/cancel`, w.jane.token);
    expect([late.status, late.body.error.code]).toEqual([409, 'INVALID_STATE_TRANSITION']);
    expect(await statusOf(ids.soon)).toBe('CONFIRMED');
    const bad = await post(`/api/patient/appointments/${ids.soon}/cancel`, w.jane.token, { why: 'x' });
    expect(bad.status).toBe(400);
  });

  it('takes one rating of my completed session, and refuses the rest', async () => {
    const path = (id: number | string) => `/api/patient/appointments/${id}/rating`;
    for (const body of [
      { rating: 0 },
      { rating: 6 },
      { rating: 4.5 },
      { rating: '5' },
      {},
      { rating: 5, stars: 5 },
    ]) {
      const res = await post(path(ids.completed), w.jane.token, body);
      expect([body, res.status]).toEqual([body, 400]);
    }
    const first = await post(path(ids.completed), w.jane.token, { rating: 5, comment: 'Helped a lot' });
    expect(first.status).toBe(201);
    expect(first.body.data).toEqual({ id: expect.any(Number) });
    const again = await post(path(ids.completed), w.jane.token, { rating: 3 });
    expect([again.status, again.body.error.code]).toEqual([409, 'DUPLICATE_ENTRY']);
    const notHeld = await post(path(ids.confirmedPast), w.jane.token, { rating: 4 });
    expect([notHeld.status, notHeld.body.error.code]).toEqual([409, 'INVALID_STATE_TRANSITION']);
    for (const id of [999_999, 'abc']) {
      const missing = await post(path(id), w.jane.token, { rating: 4 });
      expect(missing.status).toBe(id === 'abc' ? 400 : 404);
    }
    expect(await ratingsOf(ids.completed)).toBe(1);
    expect(await ratingsOf(ids.confirmedPast)).toBe(0);
  });

  it('keeps exactly one of two ratings sent at once', async () => {
    const id = await insertAppointment(t, {
      clinicianId: w.shah.id,
      centreId: w.newYork,
      patientId: w.anu.id,
      startAt: fromNow(-20 * DAY),
      status: 'COMPLETED',
    });
    const path = `/api/patient/appointments/${id}/rating`;
    const answers = await Promise.all([4, 5, 3].map((rating) => post(path, w.anu.token, { rating })));
    const outcomes = answers.map((res) => `${res.status} ${res.body.error?.code ?? ''}`.trim()).sort();
    expect(outcomes).toEqual(['201', '409 DUPLICATE_ENTRY', '409 DUPLICATE_ENTRY']);
    expect(await ratingsOf(id)).toBe(1);
  });

  it("answers 404 and changes nothing on every route that takes another patient's appointment id", async () => {
    const theirs = [ids.ravisCompleted, ids.ravisUpcoming];
    for (const id of theirs) {
      const tries: Array<[string, string, unknown?]> = [
        ['POST', `/api/patient/appointments/${id}/cancel`, {}],
        ['POST', `/api/patient/appointments/${id}/rating`, { rating: 1 }],
        ['GET', `/api/booking/${id}`],
        ['POST', `/api/booking/${id}/cancel`, {}],
        ['GET', `/api/payments/${id}`],
        ['GET', `/api/video/appointment/${id}/meet-link`],
        // (verify authenticates its payload first; a genuine one for another's appointment is 404:
        // see payments-checkout.e2e.test.ts)
        ['POST', '/api/payments/create-order', { appointmentId: id, amount: 1500 }],
      ];
      for (const [method, path, body] of tries) {
        const res = await t.request(method, path, { token: w.jane.token, body });
        expect([method, path, res.status, res.body.error?.code]).toEqual([method, path, 404, 'NOT_FOUND']);
      }
    }
    expect(await statusOf(ids.ravisUpcoming)).toBe('CONFIRMED');
    expect(await ratingsOf(ids.ravisCompleted)).toBe(0);
    // Ravi still may do what Jane could not.
    const own = await post(`/api/patient/appointments/${ids.ravisCompleted}/rating`, w.ravi.token, {
      rating: 2,
    });
    expect(own.status).toBe(201);
  });

  it('reads my appointment list in the same number of statements for 10 rows as for 100', async () => {
    await t.inContext(() =>
      t.api.infra.orm.em.getConnection().execute(
        `insert into appointments (patient_id, clinician_id, centre_id, start_at, end_at, session_type, status, fee_paise,
           payment_status, created_by)
         select ?, ?, ?, s, s + interval '1 hour', 'ONLINE', 'COMPLETED', 150000, 'PAID', 'test'
           from generate_series(timestamptz '2020-01-01T00:00:00Z', timestamptz '2020-01-06T23:00:00Z', interval '1 hour') s`,
        [w.anu.id, w.shah.id, w.newYork],
      ),
    );
    // Background jobs (the reactions to the cancel above) may query at the same moment: the fewest
    // statements seen over a few calls is the request's own count.
    const measure = async (limit: number) => {
      const path = `/api/patient/appointments?limit=${limit}`;
      await t.request('GET', path, { token: w.anu.token }); // warms what authentication caches
      const runs: Array<{ rows: number; all: number; appointments: number }> = [];
      for (let i = 0; i < 3; i++) {
        let rows = 0;
        const seen = await statementsDuring(t, async () => {
          const res = await t.request('GET', path, { token: w.anu.token });
          expect(res.status).toBe(200);
          rows = res.body.data.length;
        });
        runs.push({
          rows,
          all: seen.length,
          appointments: seen.filter((s) => /appointments/.test(s)).length,
        });
      }
      return runs.sort((a, b) => a.all - b.all)[0]!;
    };
    const ten = await measure(10);
    const hundred = await measure(100);
    expect([ten.rows, hundred.rows]).toEqual([10, 100]);
    expect(ten.appointments).toBe(1);
    expect(hundred).toEqual({ rows: 100, all: ten.all, appointments: 1 });
  });
});
