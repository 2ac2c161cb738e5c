import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeMeetingGateway } from '../../src/adapters/gateways/google-meet/fake-meeting-gateway.js';
import type { StaffRoleName } from '../../src/domain/identity/role.js';
import { staffToken } from '../support/appointment-world.js';
import { sql } from '../support/booking-clinic.js';
import type { TestApi } from '../support/test-api.js';
import { MEET, startVideoWorld } from './video-world.js';

describe('video links: generate and read (/api/video)', () => {
  let world: Awaited<ReturnType<typeof startVideoWorld>>;
  let t: TestApi;
  let w: typeof world.w;
  let fake: FakeMeetingGateway;
  const appointment = (...args: Parameters<typeof world.appointment>) => world.appointment(...args);
  const generate = (token: string, body: object) => world.generate(token, body);
  const linkOf = (id: number, token: string) => world.linkOf(id, token);

  beforeAll(async () => {
    world = await startVideoWorld();
    ({ t, w, fake } = world);
  });
  afterAll(async () => t.close());

  describe('POST /api/video/generate-meet-link', () => {
    it('makes a Meet link for the appointment (200) and stores it once', async () => {
      const id = await appointment();
      const res = await generate(w.admin, {
        appointmentId: id,
        summary: 'Consultation with Dr. Arjun Rao',
        startTime: '2031-01-02T04:30:00Z',
        endTime: '2031-01-02T05:30:00Z',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ success: true, data: { meetLink: expect.stringMatching(MEET) } });
      const event = fake.event(res.body.data.eventId)!;
      // Discreet wording whatever the client asked for, at the appointment's own time.
      expect(event.summary).toBe('Session at Mibo');
      expect(event.startAt.toISOString()).toBe('2031-01-02T04:30:00.000Z');
      const again = await generate(w.admin, { appointmentId: id });
      expect(again.body.data).toEqual(res.body.data);
      const rows = await sql(t, 'select * from video_meetings where appointment_id = ?', [id]);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ provider: 'google_meet', meet_link: res.body.data.meetLink });
    });

    it("refuses times that are not the appointment's own, in-person and closed appointments", async () => {
      const id = await appointment();
      const wrong = await generate(w.admin, { appointmentId: id, startTime: '2031-01-03T09:00:00Z' });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.code).toBe('VALIDATION_ERROR');
      const inPerson = await appointment();
      await sql(t, `update appointments set session_type = 'IN_PERSON' where id = ?`, [inPerson]);
      expect((await generate(w.admin, { appointmentId: inPerson })).status).toBe(400);
      const cancelled = await appointment({ status: 'CANCELLED' });
      const closed = await generate(w.admin, { appointmentId: cancelled });
      expect(closed.status).toBe(409);
      expect(closed.body.error.code).toBe('INVALID_STATE_TRANSITION');
    });

    it('validates the body strictly', async () => {
      const id = await appointment();
      for (const body of [
        {},
        { appointmentId: 'x' },
        { appointmentId: id, meetLink: 'https://meet.google.com/abc-defg-hij' },
        { appointmentId: id, startTime: 'tomorrow' },
      ]) {
        const res = await generate(w.admin, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error.code).toBe('VALIDATION_ERROR');
      }
    });

    it('answers 404 for a missing appointment and one at another centre', async () => {
      expect((await generate(w.admin, { appointmentId: 999_999 })).status).toBe(404);
      const frontDesk = await staffToken(t, 'FRONT_DESK', w.newYork);
      const res = await generate(frontDesk, { appointmentId: await appointment() });
      expect(res.status).toBe(404);
    });

    it('answers 503 when the provider is down, and stores nothing', async () => {
      const id = await appointment();
      fake.failNext(503, 3);
      const res = await generate(w.admin, { appointmentId: id });
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('GATEWAY_UNAVAILABLE');
      expect(await sql(t, 'select 1 from video_meetings where appointment_id = ?', [id])).toHaveLength(0);
    });

    it.each(['MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'] as StaffRoleName[])(
      'lets %s generate',
      async (role) => {
        const token = await staffToken(t, role, role === 'CENTRE_MANAGER' ? w.india : null);
        expect((await generate(token, { appointmentId: await appointment() })).status).toBe(200);
      },
    );

    it('refuses clinicians and patients (403) and no token (401)', async () => {
      const body = { appointmentId: await appointment() };
      expect((await generate(w.rao.token, body)).status).toBe(403);
      expect((await generate(w.jane.token, body)).status).toBe(403);
      expect((await t.request('POST', '/api/video/generate-meet-link', { body })).status).toBe(401);
    });
  });

  describe('GET /api/video/appointment/:id/meet-link', () => {
    let id: number;
    let link: string;
    beforeAll(async () => {
      id = await appointment();
      link = (await generate(w.admin, { appointmentId: id })).body.data.meetLink;
    });

    it('shows the link to the patient, their clinician and desk staff', async () => {
      const readers = [
        w.jane.token,
        w.rao.token,
        w.admin,
        await staffToken(t, 'MANAGER'),
        await staffToken(t, 'CENTRE_MANAGER', w.india),
        await staffToken(t, 'CARE_COORDINATOR'),
        await staffToken(t, 'FRONT_DESK', w.india),
      ];
      for (const token of readers) {
        const res = await linkOf(id, token);
        expect(res.status).toBe(200);
        expect(res.body.data).toEqual({ meetLink: link });
      }
    });

    it("answers 404 to another patient, another clinician and another centre's staff", async () => {
      for (const token of [
        w.ravi.token,
        w.shah.token,
        await staffToken(t, 'CENTRE_MANAGER', w.newYork),
        await staffToken(t, 'FRONT_DESK', w.newYork),
      ]) {
        const res = await linkOf(id, token);
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('NOT_FOUND');
      }
    });

    it('answers 404 when there is no link or no appointment, 400 for a bad id, 401 without a token', async () => {
      expect((await linkOf(await appointment(), w.admin)).status).toBe(404);
      expect((await linkOf(999_999, w.admin)).status).toBe(404);
      expect((await linkOf(0, w.admin)).status).toBe(400);
      expect((await t.request('GET', `/api/video/appointment/${id}/meet-link`)).status).toBe(401);
    });

    it('shows the link in the appointment views too', async () => {
      const staff = await t.request('GET', `/api/appointments/${id}`, { token: w.admin });
      expect(staff.body.data.meetLink).toBe(link);
      const own = await t.request('GET', `/api/booking/${id}`, { token: w.jane.token });
      expect(own.body.data.meetLink).toBe(link);
      const list = await t.request('GET', '/api/booking/my-appointments?limit=100', { token: w.jane.token });
      expect(list.body.data.find((a: { id: number }) => a.id === id).meetLink).toBe(link);
      const agenda = await t.request('GET', '/api/appointments/my-appointments?limit=100', {
        token: w.rao.token,
      });
      expect(agenda.body.data.upcoming.find((a: { id: number }) => a.id === id).meetLink).toBe(link);
    });
  });
});
