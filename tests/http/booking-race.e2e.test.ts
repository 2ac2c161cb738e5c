import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mondayClinician, nextMonday, patientToken, sql, staffToken } from '../support/booking-clinic.js';
import { seedCentre } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// On PostgreSQL the racers really overlap and the exclusion constraint picks the winner; on PGlite
// (one connection) they queue, and each later one finds the slot taken. Either way: one wins.
describe('racing for one slot', () => {
  let t: TestApi;
  let centre: number;
  let clinician: number;
  let coordinator: string;
  const monday = nextMonday('Asia/Kolkata');

  beforeAll(async () => {
    t = await startTestApi();
    const admin = (await staffToken(t, 'ADMIN')).token;
    coordinator = (await staffToken(t, 'CARE_COORDINATOR')).token;
    centre = await seedCentre(t);
    clinician = await mondayClinician(t, admin, centre);
  });
  afterAll(async () => t.close());

  const slot = (appointmentTime: string, appointmentDate = monday.toString()) => ({
    clinicianId: clinician,
    centreId: centre,
    appointmentDate,
    appointmentTime,
    sessionType: 'ONLINE',
  });

  it('50 patients booking one slot at once: exactly one 201, 49 × 409 SLOT_UNAVAILABLE, one row', async () => {
    const patients = [];
    for (let i = 0; i < 50; i += 1) patients.push(await patientToken(t, `Racer ${i}`));
    const results = await Promise.all(
      patients.map((p) =>
        t.request('POST', '/api/booking/create', { token: p.token, body: slot('10:00:00') }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const loser of results.filter((r) => r.status === 409))
      expect(loser.body.error.code).toBe('SLOT_UNAVAILABLE');
    const rows = await sql(t, 'select id from appointments where clinician_id = ?', [clinician]);
    expect(rows).toEqual([{ id: results.find((r) => r.status === 201)!.body.data.appointmentId }]);
  });

  it('two appointments rescheduled into one free slot at once: one 200, one 409', async () => {
    const date = monday.addDays(7).toString();
    const ids: number[] = [];
    for (const time of ['09:00:00', '10:00:00']) {
      const patient = await patientToken(t);
      const res = await t.request('POST', '/api/appointments', {
        token: coordinator,
        body: { ...slot(time, date), patientId: patient.id },
      });
      expect(res.status).toBe(201);
      ids.push(res.body.data.id);
    }
    const results = await Promise.all(
      ids.map((id) =>
        t.request('PUT', `/api/appointments/${id}`, {
          token: coordinator,
          body: { appointmentTime: '12:00:00' },
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('SLOT_UNAVAILABLE');
    const atNoon = await sql(
      t,
      'select id from appointments where clinician_id = ? and start_at = ?::timestamptz',
      [clinician, `${date}T12:00:00+05:30`],
    );
    expect(atNoon).toHaveLength(1);
  });
});
