import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/scheduling/local-date.js';
import { wallClockOf } from '../../src/domain/scheduling/time-zone.js';
import { patientLogin, randomPhone, seedCentre, seedStaff, staffLogin } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/** The first Monday at least three days ahead in the zone: beyond any notice, within the horizon. */
function nextMonday(zone: string): LocalDate {
  let date = wallClockOf(new Date(), zone).date.addDays(3);
  while (date.dayOfWeek() !== 'MONDAY') date = date.addDays(1);
  return date;
}

describe('open slots (/api/booking/available-slots and /api/appointments/availability)', () => {
  let t: TestApi;
  let admin: string;
  let india: number;
  let newYork: number;
  let clinician: number;
  let patientId: number;
  const mondayIndia = nextMonday('Asia/Kolkata');
  const mondayNewYork = nextMonday('America/New_York');

  const publicSlots = (query: string) => t.request('GET', `/api/booking/available-slots?${query}`);
  const insertAppointment = (startUtc: string, status: string, holdExpiresAt: string | null) =>
    t.inContext(() =>
      t.api.infra.orm.em.getConnection().execute(
        `insert into appointments (patient_id, clinician_id, centre_id, start_at, end_at, session_type, status, fee_paise,
           payment_status, hold_expires_at, created_by)
         values (?, ?, ?, ?::timestamptz, ?::timestamptz + interval '60 minutes', 'IN_PERSON', ?, 150000, 'PENDING', ?, 'test')`,
        [patientId, clinician, india, startUtc, startUtc, status, holdExpiresAt],
      ),
    );

  beforeAll(async () => {
    t = await startTestApi();
    admin = (await staffLogin(t, await seedStaff(t, { role: 'ADMIN' }))).accessToken;
    india = await seedCentre(t, { timezone: 'Asia/Kolkata' });
    newYork = await seedCentre(t, { timezone: 'America/New_York' });
    const created = await t.request('POST', '/api/clinicians', {
      token: admin,
      body: {
        fullName: 'Dr. Arjun Rao',
        phone: randomPhone(),
        password: 'Clinician-Pass-1',
        primaryCentreId: india,
        consultationFee: 1200,
        defaultConsultationDurationMinutes: 60,
      },
    });
    clinician = created.body.data.id;
    const rules = await t.request('PUT', `/api/clinicians/${clinician}/availability`, {
      token: admin,
      body: {
        availabilityRules: [
          { dayOfWeek: 'MONDAY', startTime: '09:00', endTime: '12:00', centreId: india },
          { dayOfWeek: 'MONDAY', startTime: '09:00', endTime: '11:00', centreId: newYork },
        ],
      },
    });
    expect(rules.status).toBe(200);
    patientId = (await patientLogin(t)).patient.id;
  });
  afterAll(async () => t.close());

  it("offers the grid of the day in the centre's own time zone", async () => {
    const res = await publicSlots(`clinicianId=${clinician}&centreId=${india}&date=${mondayIndia}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      date: mondayIndia.toString(),
      availableSlots: [
        { time: '09:00:00', available: true },
        { time: '10:00:00', available: true },
        { time: '11:00:00', available: true },
      ],
    });
    const ny = await publicSlots(`clinicianId=${clinician}&centreId=${newYork}&date=${mondayNewYork}`);
    expect(ny.body.data.availableSlots).toEqual([
      { time: '09:00:00', available: true },
      { time: '10:00:00', available: true },
    ]);
  });

  it('marks confirmed and held time as taken, and an expired hold as free', async () => {
    const date = mondayIndia.addDays(7);
    const at = (hhmm: string) => `${date}T${hhmm}:00+05:30`;
    await insertAppointment(at('09:00'), 'PENDING', new Date(Date.now() - 60_000).toISOString());
    await insertAppointment(at('10:00'), 'CONFIRMED', null);
    await insertAppointment(at('11:30'), 'PENDING', new Date(Date.now() + 3600_000).toISOString());
    const res = await publicSlots(`clinicianId=${clinician}&centreId=${india}&date=${date}`);
    expect(res.body.data.availableSlots).toEqual([
      { time: '09:00:00', available: true },
      { time: '10:00:00', available: false },
      { time: '11:00:00', available: false },
    ]);
    const staff = await t.request(
      'GET',
      `/api/appointments/availability?clinician_id=${clinician}&centre_id=${india}&date=${date}`,
      {
        token: admin,
      },
    );
    expect(staff.status).toBe(200);
    expect(staff.body.data).toEqual({ availableSlots: ['09:00:00'] });
  });

  it('offers nothing on other days, past dates or beyond the horizon', async () => {
    const tuesday = mondayIndia.addDays(1);
    expect(
      (await publicSlots(`clinicianId=${clinician}&centreId=${india}&date=${tuesday}`)).body.data
        .availableSlots,
    ).toEqual([]);
    const past = (
      await publicSlots(`clinicianId=${clinician}&centreId=${india}&date=${mondayIndia.addDays(-70)}`)
    ).body.data;
    expect(past.availableSlots.every((slot: { available: boolean }) => !slot.available)).toBe(true);
    const far = (
      await publicSlots(`clinicianId=${clinician}&centreId=${india}&date=${mondayIndia.addDays(70)}`)
    ).body.data;
    expect(far.availableSlots.every((slot: { available: boolean }) => !slot.available)).toBe(true);
  });

  it('defaults to the primary centre and offers nothing at an inactive centre', async () => {
    const res = await publicSlots(`clinicianId=${clinician}&date=${mondayIndia}`);
    expect(res.body.data.availableSlots).toHaveLength(3);
    await t.request('PATCH', `/api/centres/${newYork}/toggle-active`, { token: admin });
    const closed = await publicSlots(`clinicianId=${clinician}&centreId=${newYork}&date=${mondayNewYork}`);
    expect(closed.body.data.availableSlots).toEqual([]);
    await t.request('PATCH', `/api/centres/${newYork}/toggle-active`, { token: admin });
  });

  it('refuses bad queries and unknown or inactive clinicians', async () => {
    expect((await publicSlots(`date=${mondayIndia}`)).status).toBe(400);
    const impossible = await publicSlots(`clinicianId=${clinician}&date=2026-02-30`);
    expect(impossible.status).toBe(400);
    expect(impossible.body.error.details).toHaveProperty('date');
    expect((await publicSlots(`clinicianId=${clinician}&date=${mondayIndia}&extra=1`)).status).toBe(400);
    expect((await publicSlots(`clinicianId=999999&date=${mondayIndia}`)).status).toBe(404);
    expect((await publicSlots(`clinicianId=${clinician}&centreId=999999&date=${mondayIndia}`)).status).toBe(
      404,
    );
    await t.request('PATCH', `/api/clinicians/${clinician}/toggle-active`, { token: admin });
    expect((await publicSlots(`clinicianId=${clinician}&date=${mondayIndia}`)).status).toBe(404);
    await t.request('PATCH', `/api/clinicians/${clinician}/toggle-active`, { token: admin });
  });

  it('the staff list needs a staff token', async () => {
    const path = `/api/appointments/availability?clinician_id=${clinician}&date=${mondayIndia}`;
    expect((await t.request('GET', path)).status).toBe(401);
    const patient = await patientLogin(t);
    expect((await t.request('GET', path, { token: patient.accessToken })).status).toBe(403);
    const frontDesk = await staffLogin(t, await seedStaff(t, { role: 'FRONT_DESK' }));
    const res = await t.request('GET', path, { token: frontDesk.accessToken });
    expect(res.body.data.availableSlots).toEqual(['09:00:00', '10:00:00', '11:00:00']);
  });
});
