import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeMeetingGateway } from '../../src/adapters/gateways/google-meet/fake-meeting-gateway.js';
import { MeetingLinks } from '../../src/application/booking/video/meeting-links.js';
import type { MeetingGateway } from '../../src/application/booking/ports/meeting-gateway.js';
import { T } from '../../src/bootstrap/tokens.js';
import type { LocalDate } from '../../src/domain/scheduling/local-date.js';
import { mondayClinician, nextMonday, patientToken, sql, staffToken } from '../support/booking-clinic.js';
import { seedCentre } from '../support/builders.js';
import { waitForJobs } from '../support/jobs.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

const VIDEO_JOBS = ['video.ensure-meeting', 'video.move-meeting', 'video.remove-meeting'];

/** The automatic side: confirmed ONLINE sessions get a link, reschedules move it, cancellations delete it. */
describe('video links follow their appointments (jobs)', () => {
  let t: TestApi;
  let admin: string;
  let coordinator: string;
  let centre: number;
  let clinician: number;
  let fake: FakeMeetingGateway;
  const monday = nextMonday('Asia/Kolkata');
  const week = (n: number) => monday.addDays(7 * n);

  const book = async (date: LocalDate, time: string, sessionType = 'ONLINE') => {
    const patient = await patientToken(t);
    const res = await t.request('POST', '/api/appointments', {
      token: coordinator,
      body: {
        patientId: patient.id,
        clinicianId: clinician,
        centreId: centre,
        appointmentDate: date.toString(),
        appointmentTime: time,
        sessionType,
      },
    });
    expect(res.status).toBe(201);
    return { id: res.body.data.id as number, patient };
  };
  const update = (id: number, body: object) =>
    t.request('PUT', `/api/appointments/${id}`, { token: coordinator, body });
  const meetingOf = async (id: number) =>
    (await sql(t, 'select * from video_meetings where appointment_id = ?', [id]))[0] as
      Record<string, any> | undefined;
  const jobsOf = (id: number) =>
    sql<{ name: string; key: string; completed_at: Date | null; failed_at: Date | null }>(
      t,
      `select name, key, completed_at, failed_at from outbox_jobs where name like 'video.%' and payload->>'appointmentId' = ? order by id`,
      [String(id)],
    );

  beforeAll(async () => {
    t = await startTestApi({ JOB_BACKOFF_MS: '20', JOB_MAX_ATTEMPTS: '3' });
    admin = (await staffToken(t, 'ADMIN')).token;
    coordinator = (await staffToken(t, 'CARE_COORDINATOR')).token;
    centre = await seedCentre(t);
    clinician = await mondayClinician(t, admin, centre);
    const gateway = t.api.container.get(T.MeetingGateway);
    if (!(gateway instanceof FakeMeetingGateway)) throw new Error('tests run with the fake Meet');
    fake = gateway;
  });
  afterAll(async () => t.close());

  it('gives a confirmed ONLINE appointment its link, moves it on reschedule and deletes it on cancel', async () => {
    const { id, patient } = await book(week(0), '09:00:00');
    expect((await update(id, { status: 'CONFIRMED' })).status).toBe(200);
    await waitForJobs(t, { names: VIDEO_JOBS });
    const made = await meetingOf(id);
    expect(made).toMatchObject({ provider: 'google_meet', created_by: 'system' });
    const seen = await t.request('GET', `/api/booking/${id}`, { token: patient.token });
    expect(seen.body.data.meetLink).toBe(made!.meet_link);

    expect((await update(id, { appointmentTime: '11:00:00' })).status).toBe(200);
    await waitForJobs(t, { names: VIDEO_JOBS });
    const moved = await meetingOf(id);
    expect(moved).toMatchObject({ event_id: made!.event_id, meet_link: made!.meet_link });
    const [appointment] = await sql(t, 'select start_at, end_at from appointments where id = ?', [id]);
    expect(new Date(moved!.start_at)).toEqual(new Date(appointment!.start_at as string));
    expect(fake.event(made!.event_id)!.startAt).toEqual(new Date(appointment!.start_at as string));

    const cancelled = await t.request('DELETE', `/api/appointments/${id}`, { token: coordinator, body: {} });
    expect(cancelled.status).toBe(200);
    await waitForJobs(t, { names: VIDEO_JOBS });
    expect(await meetingOf(id)).toBeUndefined();
    expect(fake.event(made!.event_id)!.status).toBe('cancelled');
    expect((await jobsOf(id)).map((j) => [j.name, j.completed_at !== null])).toEqual([
      ['video.ensure-meeting', true],
      ['video.move-meeting', true],
      ['video.remove-meeting', true],
    ]);
  });

  it('makes no link for an in-person session, nor for a pending one', async () => {
    const inPerson = await book(week(1), '09:00:00', 'IN_PERSON');
    await update(inPerson.id, { status: 'CONFIRMED' });
    const pending = await book(week(1), '10:00:00');
    await waitForJobs(t, { names: VIDEO_JOBS });
    expect(await meetingOf(inPerson.id)).toBeUndefined();
    expect(await meetingOf(pending.id)).toBeUndefined();
    expect(await jobsOf(inPerson.id)).toEqual([]);
  });

  it('retries while the provider is down, and fails for good when it refuses', async () => {
    const flaky = await book(week(2), '09:00:00');
    fake.failNext(503, 3);
    await update(flaky.id, { status: 'CONFIRMED' });
    // Every job, not only video's: the confirmation asks for the link too and must not be left
    // retrying into the refusals below.
    await waitForJobs(t);
    expect(await meetingOf(flaky.id)).toBeDefined();

    // Two refusals: the video job's and the confirmation's own request for the link.
    const refused = await book(week(2), '10:00:00');
    fake.failNext(403, 2);
    await update(refused.id, { status: 'CONFIRMED' });
    await waitForJobs(t, { names: VIDEO_JOBS });
    expect(await meetingOf(refused.id)).toBeUndefined();
    const [job] = await jobsOf(refused.id);
    expect(job!.failed_at).not.toBeNull();
  });

  it('runs each job idempotently: a second run changes nothing', async () => {
    const { id } = await book(week(3), '09:00:00');
    await update(id, { status: 'CONFIRMED' });
    await waitForJobs(t, { names: VIDEO_JOBS });
    const first = await meetingOf(id);
    const handlers = t.api.container.getAll(T.JobHandlers);
    const ensure = handlers.find((h) => h.name === 'video.ensure-meeting')!;
    const before = fake.liveEvents().length;
    await t.inContext(() => ensure.run({ appointmentId: id }, { key: 'again', attempt: 2 }));
    expect(await meetingOf(id)).toEqual(first);
    expect(fake.liveEvents()).toHaveLength(before);
    const remove = handlers.find((h) => h.name === 'video.remove-meeting')!;
    // Not cancelled: the remove job leaves the meeting alone.
    await t.inContext(() => remove.run({ appointmentId: id }, { key: 'stray', attempt: 1 }));
    expect(await meetingOf(id)).toEqual(first);
  });

  it('linkFor (for confirmations) makes the link once, answers null on a refusal, throws in an outage', async () => {
    const source = t.api.container.get(T.MeetingLinkSource);
    const confirmed = await book(week(4), '09:00:00');
    // Straight into the table: no job made the meeting before the confirmation asks for it.
    await sql(t, `update appointments set status = 'CONFIRMED', hold_expires_at = null where id = ?`, [
      confirmed.id,
    ]);
    const link = await t.inContext(() => source.linkFor(confirmed.id));
    expect(link).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(await t.inContext(() => source.linkFor(confirmed.id))).toBe(link);
    const pending = await book(week(4), '10:00:00');
    expect(await t.inContext(() => source.linkFor(pending.id))).toBeNull();
    await sql(t, `update appointments set status = 'CONFIRMED', hold_expires_at = null where id = ?`, [
      pending.id,
    ]);
    // An outage is the caller's to retry (the confirmation job waits a few tries for the link)...
    fake.failNext(500, 3);
    await expect(t.inContext(() => source.linkFor(pending.id))).rejects.toMatchObject({
      code: 'GATEWAY_UNAVAILABLE',
    });
    expect(await meetingOf(pending.id)).toBeUndefined();
    // ...a refusal will not change on retry: no link.
    fake.failNext(400, 1);
    expect(await t.inContext(() => source.linkFor(pending.id))).toBeNull();
    expect(await meetingOf(pending.id)).toBeUndefined();
  });

  it('deletes the extra event when another run stored a meeting first', async () => {
    const { id } = await book(week(5), '09:00:00');
    await sql(t, `update appointments set status = 'CONFIRMED', hold_expires_at = null where id = ?`, [id]);
    const meetings = t.api.container.get(T.VideoMeetings);
    let extra = '';
    // A provider answer that arrives after another run has already stored its own meeting.
    const racing: MeetingGateway = {
      create: async (m) => {
        const other = await fake.create({ ...m, requestId: `${m.requestId}-other` });
        await t.inContext(() =>
          t.api.container.get(T.UnitOfWork).run(() =>
            meetings.addIfAbsent({
              appointmentId: id,
              provider: 'google_meet',
              eventId: other.eventId,
              meetLink: other.meetLink,
              startAt: m.startAt,
              endAt: m.endAt,
              createdBy: 'other-run',
              createdAt: new Date(),
              updatedAt: new Date(),
            }),
          ),
        );
        const made = await fake.create(m);
        extra = made.eventId;
        return made;
      },
      move: (...args) => fake.move(...args),
      remove: (eventId) => fake.remove(eventId),
    };
    const links = new MeetingLinks(
      t.api.container.get(T.Appointments),
      meetings,
      racing,
      t.api.container.get(T.UnitOfWork),
      t.api.container.get(T.Clock),
    );
    const link = await t.inContext(() => links.linkFor(id));
    const stored = await meetingOf(id);
    expect(stored).toMatchObject({ created_by: 'other-run', meet_link: link });
    expect(fake.event(extra)!.status).toBe('cancelled');
  });
});
