import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/scheduling/local-date.js';
import { mondayClinician, nextMonday, patientToken, sql, staffToken } from '../support/booking-clinic.js';
import { seedCentre } from '../support/builders.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

// A 30-day patient cut-off: next Monday is inside it, a Monday five weeks on is outside.
const CUTOFF_HOURS = '720';

describe('appointment commands (POST/PUT/DELETE /api/appointments, POST /api/booking/:id/cancel)', () => {
  let t: TestApi;
  let admin: string;
  let centre: number;
  let clinician: number;
  let coordinator: { id: number; token: string };
  const monday = nextMonday('Asia/Kolkata');
  const week = (n: number) => monday.addDays(7 * n);

  const create = (token: string, patientId: number, date: LocalDate, time: string, extra: object = {}) =>
    t.request('POST', '/api/appointments', {
      token,
      body: {
        patientId,
        clinicianId: clinician,
        centreId: centre,
        appointmentDate: date.toString(),
        appointmentTime: time,
        sessionType: 'IN_PERSON',
        ...extra,
      },
    });
  const booked = async (date: LocalDate, time: string) => {
    const patient = await patientToken(t);
    const res = await create(coordinator.token, patient.id, date, time);
    expect(res.status).toBe(201);
    return { id: res.body.data.id as number, patient };
  };
  const update = (id: number, body: object, token = coordinator.token) =>
    t.request('PUT', `/api/appointments/${id}`, { token, body });
  const row = async (id: number) =>
    (await sql(t, 'select * from appointments where id = ?', [id]))[0] as Record<string, any>;
  /** A confirmed session that began half an hour ago (bookings never start in the past). */
  const started = async () => {
    const patient = await patientToken(t);
    const [inserted] = await sql<{ id: number }>(
      t,
      `insert into appointments (patient_id, clinician_id, centre_id, start_at, end_at, session_type, status, fee_paise,
         payment_status, created_by)
       values (?, ?, ?, now() - interval '30 minutes', now() + interval '30 minutes', 'ONLINE', 'CONFIRMED', 150000, 'PAID', 'test')
       returning id`,
      [patient.id, clinician, centre],
    );
    return inserted!.id;
  };

  beforeAll(async () => {
    t = await startTestApi({ PATIENT_CANCEL_CUTOFF_HOURS: CUTOFF_HOURS });
    admin = (await staffToken(t, 'ADMIN')).token;
    coordinator = await staffToken(t, 'CARE_COORDINATOR');
    centre = await seedCentre(t);
    clinician = await mondayClinician(t, admin, centre);
  });
  afterAll(async () => t.close());

  it('creates an appointment for a patient by id, with a payment link', async () => {
    const patient = await patientToken(t);
    const res = await create(coordinator.token, patient.id, week(0), '09:00:00', {
      notes: 'First consultation',
    });
    expect(res.status).toBe(201);
    expect(res.body.data).toMatchObject({
      id: expect.any(Number),
      patientId: patient.id,
      appointmentDate: week(0).toString(),
      appointmentTime: '09:00:00',
      status: 'PENDING',
      paymentLink: expect.stringMatching(/^https:\/\/rzp\.io\/i\//),
    });
    expect(await row(res.body.data.id)).toMatchObject({
      notes: 'First consultation',
      created_by: `staff:${coordinator.id}`,
    });
    expect((await create(coordinator.token, 999_999, week(0), '10:00:00')).status).toBe(404);
  });

  it('reschedules only to an open slot, keeping the history and freeing the old time', async () => {
    const { id } = await booked(week(1), '09:00:00');
    const moved = await update(id, { appointmentTime: '11:00:00' });
    expect(moved.status).toBe(200);
    expect(moved.body.message).toBe('Appointment updated successfully');
    expect(moved.body.data).toMatchObject({
      id,
      appointmentDate: week(1).toString(),
      appointmentTime: '11:00:00',
      status: 'PENDING',
    });
    const { history } = await row(id);
    expect(history).toEqual([
      expect.objectContaining({
        kind: 'RESCHEDULED',
        by: `staff:${coordinator.id}`,
        from: expect.any(Object),
        to: expect.any(Object),
      }),
    ]);
    const slots = await t.request(
      'GET',
      `/api/booking/available-slots?clinicianId=${clinician}&centreId=${centre}&date=${week(1)}`,
    );
    expect(slots.body.data.availableSlots).toEqual([
      { time: '09:00:00', available: true },
      { time: '10:00:00', available: true },
      { time: '11:00:00', available: false },
      { time: '12:00:00', available: true },
    ]);
    const otherDay = await update(id, { appointmentDate: week(2).toString() });
    expect(otherDay.body.data).toMatchObject({
      appointmentDate: week(2).toString(),
      appointmentTime: '11:00:00',
    });
    const same = await update(id, { appointmentDate: week(2).toString(), appointmentTime: '11:00' });
    expect(same.status).toBe(200);
    expect((await row(id)).history).toHaveLength(2);
  });

  it('refuses a reschedule into a taken slot or off the grid', async () => {
    const { id } = await booked(week(3), '09:00:00');
    await booked(week(3), '10:00:00');
    for (const appointmentTime of ['10:00:00', '09:30:00', '15:00:00']) {
      const res = await update(id, { appointmentTime });
      expect(res.status, appointmentTime).toBe(409);
      expect(res.body.error.code).toBe('SLOT_UNAVAILABLE');
    }
    expect(await row(id)).toMatchObject({ history: [] });
  });

  it('changes the status only along the allowed transitions', async () => {
    const { id } = await booked(week(4), '09:00:00');
    const confirmed = await update(id, { status: 'CONFIRMED', notes: 'Pays at the centre' });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.data).toMatchObject({
      status: 'CONFIRMED',
      paymentStatus: 'PENDING',
      notes: 'Pays at the centre',
    });
    for (const status of ['PENDING', 'COMPLETED', 'NO_SHOW']) {
      const res = await update(id, { status });
      expect(res.status, status).toBe(409);
      expect(res.body.error.code).toBe('INVALID_STATE_TRANSITION');
    }
    expect((await update(id, { status: 'CANCELLED' })).body.data.status).toBe('CANCELLED');
    expect((await update(id, { status: 'CONFIRMED' })).body.error.code).toBe('INVALID_STATE_TRANSITION');
    expect((await update(id, { appointmentTime: '10:00:00' })).status).toBe(409);
    expect((await update(id, {})).status).toBe(400);
    expect((await update(id, { status: 'DONE' })).status).toBe(400);
    expect((await update(999_999, { status: 'CONFIRMED' })).status).toBe(404);
  });

  it('completes or marks no-show only once the session has started', async () => {
    const completed = await update(await started(), { status: 'COMPLETED' });
    expect(completed.status).toBe(200);
    expect(completed.body.data.status).toBe('COMPLETED');
    expect((await update(await started(), { status: 'NO_SHOW' })).body.data.status).toBe('NO_SHOW');
  });

  it('cancels for staff until the start, recording reason, actor and time', async () => {
    const { id } = await booked(week(4), '10:00:00');
    const frontDesk = await staffToken(t, 'FRONT_DESK');
    const res = await t.request('DELETE', `/api/appointments/${id}`, {
      token: frontDesk.token,
      body: { reason: 'Patient called' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ success: true, message: 'Appointment cancelled successfully' });
    const saved = await row(id);
    expect(saved).toMatchObject({
      status: 'CANCELLED',
      cancellation_reason: 'Patient called',
      cancelled_by: `staff:${frontDesk.id}`,
    });
    expect(saved.cancelled_at).not.toBeNull();
    const again = await t.request('DELETE', `/api/appointments/${id}`, {
      token: frontDesk.token,
      body: { reason: 'Twice' },
    });
    expect(again.body.error.code).toBe('INVALID_STATE_TRANSITION');
    const begun = await t.request('DELETE', `/api/appointments/${await started()}`, {
      token: frontDesk.token,
    });
    expect(begun.status).toBe(409);
    const reserved = await t.request(
      'DELETE',
      `/api/appointments/${(await booked(week(4), '11:00:00')).id}`,
      {
        token: frontDesk.token,
        body: { reason: 'PAYMENT_TIMEOUT' },
      },
    );
    expect(reserved.status).toBe(400);
    expect((await t.request('DELETE', '/api/appointments/999999', { token: frontDesk.token })).status).toBe(
      404,
    );
  });

  it('lets a patient cancel only their own appointment, and only before the cut-off', async () => {
    const far = await booked(week(5), '09:00:00');
    const near = await booked(week(0), '12:00:00');
    const stranger = await patientToken(t);
    const cancel = (id: number, token: string) =>
      t.request('POST', `/api/booking/${id}/cancel`, { token, body: { reason: 'Unable to attend' } });
    const others = await cancel(far.id, stranger.token);
    expect(others.status).toBe(404);
    expect(others.body.error.code).toBe('NOT_FOUND');
    const late = await cancel(near.id, near.patient.token);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('INVALID_STATE_TRANSITION');
    const own = await cancel(far.id, far.patient.token);
    expect(own.status).toBe(200);
    expect(await row(far.id)).toMatchObject({
      status: 'CANCELLED',
      cancellation_reason: 'Unable to attend',
      cancelled_by: `patient:${far.patient.id}`,
    });
    expect((await cancel(999_999, stranger.token)).status).toBe(404);
  });

  it('keeps centre-bound staff to their own centre', async () => {
    const elsewhere = await seedCentre(t);
    const { id } = await booked(week(5), '10:00:00');
    const outsider = await staffToken(t, 'FRONT_DESK', elsewhere);
    const patient = await patientToken(t);
    expect((await create(outsider.token, patient.id, week(5), '11:00:00')).status).toBe(404);
    expect((await t.request('DELETE', `/api/appointments/${id}`, { token: outsider.token })).status).toBe(
      404,
    );
    const foreignManager = await staffToken(t, 'CENTRE_MANAGER', elsewhere);
    expect((await update(id, { notes: 'x' }, foreignManager.token)).status).toBe(404);
    const unboundManager = await staffToken(t, 'CENTRE_MANAGER');
    expect((await update(id, { notes: 'x' }, unboundManager.token)).status).toBe(404);
    const ownManager = await staffToken(t, 'CENTRE_MANAGER', centre);
    expect((await update(id, { notes: 'Seen by the manager' }, ownManager.token)).status).toBe(200);
    expect((await create(ownManager.token, patient.id, week(5), '11:00:00')).status).toBe(201);
  });

  it('answers 401 without a token and 403 for every role the spec does not list', async () => {
    const { id } = await booked(week(5), '12:00:00');
    const patient = await patientToken(t);
    const token = async (role: Parameters<typeof staffToken>[1]) => (await staffToken(t, role)).token;
    const routes: Array<[string, string, string[]]> = [
      ['POST', '/api/appointments', [await token('CLINICIAN'), patient.token]],
      [
        'PUT',
        `/api/appointments/${id}`,
        [await token('CLINICIAN'), await token('FRONT_DESK'), patient.token],
      ],
      ['DELETE', `/api/appointments/${id}`, [await token('CLINICIAN'), patient.token]],
      [
        'POST',
        `/api/booking/${id}/cancel`,
        await Promise.all(
          (
            ['ADMIN', 'MANAGER', 'CLINICIAN', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'] as const
          ).map(token),
        ),
      ],
    ];
    for (const [method, path, refused] of routes) {
      const anonymous = await t.request(method, path, { body: {} });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
      for (const bearer of refused) {
        const res = await t.request(method, path, { token: bearer, body: {} });
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.body.error.code).toBe('FORBIDDEN');
      }
    }
    expect((await row(id)).status).toBe('PENDING');
  });
});
