import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MeetingProviderUnavailableError,
  type MeetingGateway,
} from '../../src/application/booking/ports/meeting-gateway.js';
import { FakeMeetingGateway } from '../../src/adapters/gateways/google-meet/fake-meeting-gateway.js';
import { GoogleCalendarMeetingGateway } from '../../src/adapters/gateways/google-meet/google-calendar-meeting-gateway.js';
import { startGoogleCalendarStub, type GoogleCalendarStub } from '../support/google-calendar-stub.js';

interface Subject {
  gateway: MeetingGateway;
  /** The provider answers `status` to the next `times` requests. */
  failNext(status: number, times?: number): void;
  /** Requests that reached the provider so far (retries included). */
  requests(): number;
  /** Whether the provider still has the event live. */
  live(eventId: string): boolean;
  startOf(eventId: string): string | undefined;
  close(): Promise<void>;
}

const REFRESH_TOKEN = 'stub-refresh-token';

async function fakeSubject(): Promise<Subject> {
  const fake = new FakeMeetingGateway();
  return {
    gateway: fake,
    failNext: (status, times) => fake.failNext(status, times),
    requests: () => fake.requests,
    live: (id) => fake.event(id)?.status === 'confirmed',
    startOf: (id) => fake.event(id)?.startAt.toISOString(),
    close: async () => undefined,
  };
}

async function googleSubject(): Promise<Subject> {
  const stub: GoogleCalendarStub = await startGoogleCalendarStub(REFRESH_TOKEN);
  const gateway = new GoogleCalendarMeetingGateway({
    clientId: 'stub-client',
    clientSecret: 'stub-secret',
    refreshToken: REFRESH_TOKEN,
    rootUrl: stub.rootUrl,
    tokenUrl: stub.tokenUrl,
    retryDelayMs: 1,
  });
  return {
    gateway,
    failNext: (status, times) => stub.failNext(status, times),
    requests: () => stub.requests.length,
    live: (id) => stub.events.get(id)?.status === 'confirmed',
    startOf: (id) =>
      stub.events.get(id) ? new Date(stub.events.get(id)!.start.dateTime).toISOString() : undefined,
    close: () => stub.close(),
  };
}

const start = new Date('2030-03-15T10:00:00.000Z');
const end = new Date('2030-03-15T11:00:00.000Z');
let n = 0;
const meeting = () => ({
  requestId: `mibo-appointment-${(n += 1)}-${start.getTime()}`,
  summary: 'Session at Mibo',
  startAt: start,
  endAt: end,
});

describe.each([
  ['fake', fakeSubject],
  ['Google adapter on a local stub', googleSubject],
])('meeting gateway contract: %s', (_name, make) => {
  let s: Subject;
  beforeAll(async () => {
    s = await make();
  });
  afterAll(async () => s.close());

  it("creates an event with a Meet link shaped like Google's and a base32hex event id", async () => {
    const made = await s.gateway.create(meeting());
    expect(made.meetLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(made.eventId).toMatch(/^[0-9a-v]{5,1024}$/);
    expect(s.live(made.eventId)).toBe(true);
  });

  it('gives the same event for the same request (a retried create makes no second event)', async () => {
    const request = meeting();
    const first = await s.gateway.create(request);
    const again = await s.gateway.create(request);
    expect(again).toEqual(first);
  });

  it("makes a new event when the request's first event was deleted since", async () => {
    const request = meeting();
    const first = await s.gateway.create(request);
    await s.gateway.remove(first.eventId);
    const second = await s.gateway.create(request);
    expect(second.eventId).not.toBe(first.eventId);
    expect(s.live(second.eventId)).toBe(true);
  });

  it('retries a 5xx inside the call and succeeds', async () => {
    s.failNext(500, 1);
    const before = s.requests();
    const made = await s.gateway.create(meeting());
    expect(s.live(made.eventId)).toBe(true);
    expect(s.requests() - before).toBe(2);
  });

  it('gives up after the retries with a retryable (not permanent) error', async () => {
    s.failNext(503, 3);
    const failure = await s.gateway.create(meeting()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MeetingProviderUnavailableError);
    expect((failure as MeetingProviderUnavailableError).permanent).toBe(false);
    expect((failure as MeetingProviderUnavailableError).code).toBe('GATEWAY_UNAVAILABLE');
  });

  it('does not retry a 4xx: it fails permanently though the next request would succeed', async () => {
    s.failNext(400, 1);
    const before = s.requests();
    const failure = await s.gateway.create(meeting()).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(MeetingProviderUnavailableError);
    expect((failure as MeetingProviderUnavailableError).permanent).toBe(true);
    expect(s.requests() - before).toBe(1);
  });

  it('moves an event, and says when it is gone', async () => {
    const made = await s.gateway.create(meeting());
    const later = new Date('2030-03-16T12:00:00.000Z');
    expect(await s.gateway.move(made.eventId, later, new Date('2030-03-16T13:00:00.000Z'))).toBe('moved');
    expect(s.startOf(made.eventId)).toBe(later.toISOString());
    await s.gateway.remove(made.eventId);
    expect(await s.gateway.move(made.eventId, start, end)).toBe('gone');
  });

  it('removes an event; removing one already gone is fine', async () => {
    const made = await s.gateway.create(meeting());
    await s.gateway.remove(made.eventId);
    expect(s.live(made.eventId)).toBe(false);
    await expect(s.gateway.remove(made.eventId)).resolves.toBeUndefined();
    await expect(s.gateway.remove('0123456789abcdef')).resolves.toBeUndefined();
  });

  it('retries a 5xx on delete and fails permanently on a 403', async () => {
    const made = await s.gateway.create(meeting());
    s.failNext(502, 1);
    await s.gateway.remove(made.eventId);
    expect(s.live(made.eventId)).toBe(false);
    const other = await s.gateway.create(meeting());
    s.failNext(403, 1);
    const failure = await s.gateway.move(other.eventId, start, end).catch((e: unknown) => e);
    expect((failure as MeetingProviderUnavailableError).permanent).toBe(true);
  });
});

describe('Google adapter specifics', () => {
  it('uses the refresh token for an access token, and titles the event discreetly', async () => {
    const stub = await startGoogleCalendarStub(REFRESH_TOKEN);
    try {
      const gateway = new GoogleCalendarMeetingGateway({
        clientId: 'id',
        clientSecret: 'secret',
        refreshToken: REFRESH_TOKEN,
        rootUrl: stub.rootUrl,
        tokenUrl: stub.tokenUrl,
        retryDelayMs: 1,
      });
      await gateway.create(meeting());
      expect(stub.tokenRequests).toBe(1);
      const insert = stub.requests[0]!;
      expect(insert.method).toBe('POST');
      expect(insert.path).toContain('/calendar/v3/calendars/primary/events');
      expect(insert.path).toContain('conferenceDataVersion=1');
      expect(insert.body).toMatchObject({
        summary: 'Session at Mibo',
        start: { dateTime: start.toISOString() },
        conferenceData: { createRequest: { conferenceSolutionKey: { type: 'hangoutsMeet' } } },
      });
    } finally {
      await stub.close();
    }
  });

  it('a revoked refresh token is a permanent failure', async () => {
    const stub = await startGoogleCalendarStub('another-token');
    try {
      const gateway = new GoogleCalendarMeetingGateway({
        clientId: 'id',
        clientSecret: 'secret',
        refreshToken: REFRESH_TOKEN,
        rootUrl: stub.rootUrl,
        tokenUrl: stub.tokenUrl,
        retryDelayMs: 1,
      });
      const failure = await gateway.create(meeting()).catch((e: unknown) => e);
      expect(failure).toBeInstanceOf(MeetingProviderUnavailableError);
      expect((failure as MeetingProviderUnavailableError).permanent).toBe(true);
      expect(stub.requests).toHaveLength(0);
    } finally {
      await stub.close();
    }
  });
});
