import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mondayClinician, nextMonday, patientToken, sql, staffToken } from '../support/booking-clinic.js';
import { seedCentre } from '../support/builders.js';
import { runJobsDueBy, waitForJobs } from '../support/jobs.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/** Booking, confirming, moving and cancelling an appointment sends the patient the right messages, once. */
describe('messages follow the appointment (jobs, dev outbox, /api/notifications)', () => {
  let t: TestApi;
  let admin: string;
  let coordinator: string;
  let centre: number;
  let clinician: number;
  const monday = nextMonday('Asia/Kolkata');

  const outbox = async (phone: string, template: string) => {
    const res = await t.request('GET', `/api/dev/outbox?to=${encodeURIComponent(phone)}`);
    return (res.body.data as Array<{ template: string; text: string; channel: string }>).filter(
      (m) => m.template === template,
    );
  };
  const history = async (query: string) => {
    const res = await t.request('GET', `/api/notifications/history?${query}`, { token: admin });
    expect(res.status).toBe(200);
    return res.body as { data: Array<Record<string, any>>; meta: { total: number } };
  };
  const startOf = async (id: number) =>
    new Date(((await sql(t, 'select start_at from appointments where id = ?', [id]))[0] as any).start_at);

  async function booked(time: string) {
    const patient = await patientToken(t, 'Jane Smith');
    const res = await t.request('POST', '/api/appointments', {
      token: coordinator,
      body: {
        patientId: patient.id,
        clinicianId: clinician,
        centreId: centre,
        appointmentDate: monday.toString(),
        appointmentTime: time,
        sessionType: 'IN_PERSON',
      },
    });
    expect(res.status).toBe(201);
    return { id: res.body.data.id as number, phone: patient.phone };
  }

  beforeAll(async () => {
    t = await startTestApi({ JOB_BACKOFF_MS: '20' });
    admin = (await staffToken(t, 'ADMIN')).token;
    coordinator = (await staffToken(t, 'CARE_COORDINATOR')).token;
    centre = await seedCentre(t, { name: 'Mibo Indiranagar', address: '12 CMH Road' });
    clinician = await mondayClinician(t, admin, centre);
  });
  afterAll(async () => t.close());

  it('a staff booking sends its payment link; confirming sends the confirmation and schedules the reminders', async () => {
    const a = await booked('09:00:00');
    await waitForJobs(t);
    const [link] = await outbox(a.phone, 'payment_link');
    expect(link?.text).toMatch(
      /^Hello Jane Smith, to confirm your appointment with Dr\. Meera Iyer on .* at 9:00 AM, please pay ₹1,500 here: http/,
    );

    expect(
      (
        await t.request('PUT', `/api/appointments/${a.id}`, {
          token: coordinator,
          body: { status: 'CONFIRMED' },
        })
      ).status,
    ).toBe(200);
    await waitForJobs(t);
    const confirmations = await outbox(a.phone, 'appointment_confirmation');
    expect(confirmations).toHaveLength(1);
    expect(confirmations[0]!.text).toContain('is confirmed. Venue: Mibo Indiranagar, 12 CMH Road.');
    expect(confirmations[0]!.channel).toBe('whatsapp');
    expect(await outbox(a.phone, 'appointment_reminder')).toEqual([]);

    await runJobsDueBy(t, await startOf(a.id));
    await runJobsDueBy(t, await startOf(a.id));
    expect(await outbox(a.phone, 'appointment_reminder')).toHaveLength(2);
    expect(await outbox(a.phone, 'appointment_confirmation')).toHaveLength(1);

    const h = await history(`appointmentId=${a.id}`);
    expect(h.meta.total).toBe(4);
    expect(h.data.map((n) => [n.notificationType, n.status])).toEqual([
      ['APPOINTMENT_REMINDER', 'SENT'],
      ['APPOINTMENT_REMINDER', 'SENT'],
      ['APPOINTMENT_CONFIRMATION', 'SENT'],
      ['PAYMENT_LINK', 'SENT'],
    ]);
  });

  it('moving a confirmed appointment confirms the new time and moves its reminders; cancelling drops them', async () => {
    const a = await booked('10:00:00');
    await t.request('PUT', `/api/appointments/${a.id}`, {
      token: coordinator,
      body: { status: 'CONFIRMED' },
    });
    await waitForJobs(t);
    const moved = await t.request('PUT', `/api/appointments/${a.id}`, {
      token: coordinator,
      body: { appointmentTime: '12:00:00' },
    });
    expect(moved.status).toBe(200);
    await waitForJobs(t);
    const confirmations = await outbox(a.phone, 'appointment_confirmation');
    expect(confirmations.map((m) => m.text.match(/at (\d+:\d+ [AP]M)/)?.[1])).toEqual([
      '12:00 PM',
      '10:00 AM',
    ]);

    await runJobsDueBy(t, await startOf(a.id));
    const reminders = await outbox(a.phone, 'appointment_reminder');
    expect(reminders).toHaveLength(2);
    expect(reminders.every((m) => m.text.includes('12:00 PM'))).toBe(true);

    const b = await booked('11:00:00');
    await t.request('PUT', `/api/appointments/${b.id}`, {
      token: coordinator,
      body: { status: 'CONFIRMED' },
    });
    const cancelled = await t.request('DELETE', `/api/appointments/${b.id}`, {
      token: coordinator,
      body: { reason: 'Patient asked' },
    });
    expect(cancelled.status).toBe(200);
    await waitForJobs(t);
    await runJobsDueBy(t, await startOf(b.id));
    const [cancellation, ...more] = await outbox(b.phone, 'appointment_cancellation');
    expect(more).toEqual([]);
    expect(cancellation!.text).toContain('has been cancelled');
    expect(cancellation!.text).not.toContain('Patient asked');
    expect(await outbox(b.phone, 'appointment_reminder')).toEqual([]);
  });

  it('each manual send records and sends one new message; the reminder resend too', async () => {
    const a = await booked('11:00:00');
    await t.request('PUT', `/api/appointments/${a.id}`, {
      token: coordinator,
      body: { status: 'CONFIRMED' },
    });
    await waitForJobs(t);
    for (let i = 0; i < 2; i += 1) {
      const res = await t.request('POST', '/api/notifications/appointment-confirmation', {
        token: coordinator,
        body: { appointmentId: a.id },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        success: true,
        message: 'Appointment confirmation sent successfully',
        data: { status: 'SENT' },
      });
    }
    const reminder = await t.request('POST', '/api/notifications/appointment-reminder', {
      token: admin,
      body: { appointmentId: a.id },
    });
    expect(reminder.body).toMatchObject({ message: 'Appointment reminder sent successfully' });
    expect(await outbox(a.phone, 'appointment_confirmation')).toHaveLength(3);
    expect(await outbox(a.phone, 'appointment_reminder')).toHaveLength(1);

    const one = await t.request('GET', `/api/notifications/${reminder.body.data.notificationId}`, {
      token: admin,
    });
    expect(one.status).toBe(200);
    expect(one.body.data).toMatchObject({
      id: reminder.body.data.notificationId,
      appointmentId: a.id,
      notificationType: 'APPOINTMENT_REMINDER',
      status: 'SENT',
      attempts: 1,
      recipient: a.phone,
    });
    expect(one.body.data.message).toContain('a reminder of your appointment');
    expect(one.body.data.sentAt).toEqual(expect.any(String));
  });

  it('history filters and pages; stats count sent and failed by type', async () => {
    const sentConfirmations = await history(
      'notificationType=APPOINTMENT_CONFIRMATION&status=SENT&limit=2&page=1',
    );
    expect(sentConfirmations.data).toHaveLength(2);
    expect(sentConfirmations.meta).toMatchObject({ page: 1, limit: 2 });
    expect(sentConfirmations.data.every((n) => n.notificationType === 'APPOINTMENT_CONFIRMATION')).toBe(true);
    const total = sentConfirmations.meta.total;
    expect(total).toBeGreaterThanOrEqual(5);

    const [failedRow] = await sql<{ id: number; patient_id: number }>(
      t,
      `update notifications set status = 'FAILED', sent_at = null
        where id = (select max(id) from notifications where type = 'APPOINTMENT_REMINDER') returning id, patient_id`,
    );
    const today = new Date().toISOString().slice(0, 10);
    const stats = await t.request('GET', `/api/notifications/stats?startDate=2020-01-01&endDate=2099-12-31`, {
      token: admin,
    });
    expect(stats.status).toBe(200);
    const s = stats.body.data;
    expect(s.totalFailed).toBe(1);
    expect(s.byType.APPOINTMENT_CONFIRMATION).toBe(total);
    expect(s.totalSent).toBe(Object.values(s.byType as Record<string, number>).reduce((x, y) => x + y, 0));
    expect(s.successRate).toBe(Math.round((s.totalSent / (s.totalSent + 1)) * 1000) / 10);
    expect(Object.keys(s.byType).sort()).toEqual([
      'APPOINTMENT_CANCELLATION',
      'APPOINTMENT_CONFIRMATION',
      'APPOINTMENT_REMINDER',
      'PAYMENT_LINK',
      'PAYMENT_REFUND',
    ]);
    const none = await t.request('GET', '/api/notifications/stats?startDate=2020-01-01&endDate=2020-01-31', {
      token: admin,
    });
    expect(none.body.data).toMatchObject({ totalSent: 0, totalFailed: 0, successRate: 0 });

    const mine = await history(`patientId=${failedRow!.patient_id}&status=FAILED&startDate=${today}`);
    expect(mine.data.map((n) => n.id)).toEqual([failedRow!.id]);
  });
});
