import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeMeetingGateway } from '../../src/adapters/gateways/google-meet/fake-meeting-gateway.js';
import type { StaffRoleName } from '../../src/domain/identity/role.js';
import { staffToken } from '../support/appointment-world.js';
import { sql } from '../support/booking-clinic.js';
import type { TestApi } from '../support/test-api.js';
import { MEET, startVideoWorld } from './video-world.js';

describe('video links: set, delete and list (/api/video)', () => {
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

  describe('PUT and DELETE /api/video/appointment/:id/meet-link', () => {
    const put = (id: number, token: string, body: object) =>
      t.request('PUT', `/api/video/appointment/${id}/meet-link`, { token, body });
    const del = (id: number, token: string) =>
      t.request('DELETE', `/api/video/appointment/${id}/meet-link`, { token });

    it('sets a link by hand on an appointment without one, and replaces a generated one', async () => {
      const id = await appointment();
      const res = await put(id, w.admin, { meetLink: 'https://meet.google.com/new-link-xyz' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        message: expect.any(String),
        data: {
          appointmentId: id,
          meetLink: 'https://meet.google.com/new-link-xyz',
          provider: 'google_meet',
        },
      });
      expect((await linkOf(id, w.jane.token)).body.data.meetLink).toBe(
        'https://meet.google.com/new-link-xyz',
      );

      const generated = await appointment();
      const { eventId } = (await generate(w.admin, { appointmentId: generated })).body.data;
      const manager = await staffToken(t, 'CENTRE_MANAGER', w.india);
      expect(
        (await put(generated, manager, { meetLink: 'https://meet.google.com/abc-defg-hij' })).status,
      ).toBe(200);
      const [row] = await sql(t, 'select * from video_meetings where appointment_id = ?', [generated]);
      expect(row).toMatchObject({ meet_link: 'https://meet.google.com/abc-defg-hij', event_id: eventId });
    });

    it('accepts only https Meet links and known keys', async () => {
      const id = await appointment();
      for (const body of [
        { meetLink: 'http://meet.google.com/abc-defg-hij' },
        { meetLink: 'https://evil.example/abc' },
        { meetLink: 'javascript:alert(1)' },
        { meetLink: 'https://meet.google.com/abc-defg-hij', provider: 'zoom' },
        {},
      ]) {
        const res = await put(id, w.admin, body);
        expect(res.status, JSON.stringify(body)).toBe(400);
      }
      const cancelled = await appointment({ status: 'CANCELLED' });
      const closed = await put(cancelled, w.admin, { meetLink: 'https://meet.google.com/abc-defg-hij' });
      expect(closed.status).toBe(409);
    });

    it('deletes the link and its calendar event; a second delete is 404', async () => {
      const id = await appointment();
      const { eventId } = (await generate(w.admin, { appointmentId: id })).body.data;
      const res = await del(id, await staffToken(t, 'MANAGER'));
      expect(res.status).toBe(200);
      expect(res.body.message).toEqual(expect.any(String));
      expect(fake.event(eventId)?.status).toBe('cancelled');
      expect((await linkOf(id, w.jane.token)).status).toBe(404);
      expect((await del(id, w.admin)).status).toBe(404);
    });

    it('keeps the link when the provider cannot delete the event (503)', async () => {
      const id = await appointment();
      await generate(w.admin, { appointmentId: id });
      fake.failNext(500, 3);
      expect((await del(id, w.admin)).status).toBe(503);
      expect((await linkOf(id, w.admin)).status).toBe(200);
    });

    it('is for ADMIN, MANAGER and CENTRE_MANAGER only; other centres answer 404', async () => {
      const id = await appointment();
      await generate(w.admin, { appointmentId: id });
      const body = { meetLink: 'https://meet.google.com/abc-defg-hij' };
      for (const role of ['CARE_COORDINATOR', 'FRONT_DESK'] as StaffRoleName[]) {
        const token = await staffToken(t, role);
        expect((await put(id, token, body)).status).toBe(403);
        expect((await del(id, token)).status).toBe(403);
      }
      for (const token of [w.rao.token, w.jane.token]) {
        expect((await put(id, token, body)).status).toBe(403);
        expect((await del(id, token)).status).toBe(403);
      }
      const elsewhere = await staffToken(t, 'CENTRE_MANAGER', w.newYork);
      expect((await put(id, elsewhere, body)).status).toBe(404);
      expect((await del(id, elsewhere)).status).toBe(404);
      expect((await t.request('DELETE', `/api/video/appointment/${id}/meet-link`)).status).toBe(401);
    });
  });

  describe('GET /api/video/links', () => {
    it('lists links by session time, filtered by date and provider, paginated', async () => {
      const marchFirst = await appointment({ startAt: '2032-03-01T10:00:00+05:30' });
      const marchLast = await appointment({ startAt: '2032-03-31T23:00:00+05:30' });
      const april = await appointment({ startAt: '2032-04-01T00:30:00+05:30' });
      for (const id of [april, marchLast, marchFirst]) await generate(w.admin, { appointmentId: id });
      const res = await t.request(
        'GET',
        '/api/video/links?startDate=2032-03-01&endDate=2032-03-31&provider=google_meet',
        {
          token: w.admin,
        },
      );
      expect(res.status).toBe(200);
      expect(res.body.data.map((l: { appointmentId: number }) => l.appointmentId)).toEqual([
        marchFirst,
        marchLast,
      ]);
      expect(res.body.data[0]).toEqual({
        appointmentId: marchFirst,
        meetLink: expect.stringMatching(MEET),
        provider: 'google_meet',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(res.body.meta).toEqual({ page: 1, limit: 20, total: 2 });
      const second = await t.request(
        'GET',
        '/api/video/links?startDate=2032-03-01&endDate=2032-04-30&limit=2&page=2',
        {
          token: await staffToken(t, 'MANAGER'),
        },
      );
      expect(second.body.data.map((l: { appointmentId: number }) => l.appointmentId)).toEqual([april]);
      expect(second.body.meta.total).toBe(3);
      const past = await t.request('GET', '/api/video/links?startDate=2032-03-01&page=9', { token: w.admin });
      expect(past.body).toMatchObject({ data: [], meta: { total: 3 } });
    });

    it('validates its query', async () => {
      for (const query of [
        'provider=zoom',
        'startDate=2032-02-30',
        'limit=101',
        'startDate=2032-03-02&endDate=2032-03-01',
        'x=1',
      ]) {
        const res = await t.request('GET', `/api/video/links?${query}`, { token: w.admin });
        expect(res.status, query).toBe(400);
      }
    });

    it('is for ADMIN and MANAGER only', async () => {
      for (const role of [
        'CENTRE_MANAGER',
        'CARE_COORDINATOR',
        'FRONT_DESK',
        'CLINICIAN',
      ] as StaffRoleName[]) {
        const res = await t.request('GET', '/api/video/links', { token: await staffToken(t, role, null) });
        expect(res.status, role).toBe(403);
      }
      expect((await t.request('GET', '/api/video/links', { token: w.jane.token })).status).toBe(403);
      expect((await t.request('GET', '/api/video/links')).status).toBe(401);
    });
  });
});
