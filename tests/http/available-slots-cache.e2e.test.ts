import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { loadConfig } from '../../src/bootstrap/config.js';
import { createApi, type Api } from '../../src/bootstrap/create-api.js';
import { mondayClinician, nextMonday, patientToken, staffToken } from '../support/booking-clinic.js';
import { seedCentre } from '../support/builders.js';
import { databaseUrl } from '../support/services.js';
import { startTestApi, TEST_ENV, type TestApi } from '../support/test-api.js';

/** A second API process on the same database (another replica behind the load balancer). */
async function secondApi(t: TestApi): Promise<{ api: Api; url: string; close(): Promise<void> }> {
  const config = loadConfig({ ...TEST_ENV, LOG_LEVEL: 'silent', WORKER: 'off' });
  const url = t.api.infra.orm.config.get('clientUrl')!;
  const api = await createApi(config, {
    database: { url, poolMax: 2, lock: true },
    logger: createLogger('silent'),
  });
  const server: Server = createServer(api.app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    api,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await api.close();
    },
  };
}

/** Polls until the grid shows what is expected: another process hears of a change a moment later. */
async function eventually(read: () => Promise<unknown>, expected: unknown, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (JSON.stringify(value) === JSON.stringify(expected)) return;
    if (Date.now() > deadline) expect(value).toEqual(expected);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('open slots served from the cache (default SLOT_CACHE_TTL_MS)', () => {
  let t: TestApi;
  let other: Awaited<ReturnType<typeof secondApi>> | null = null;
  let admin: string;
  let centre: number;
  let clinician: number;
  const monday = nextMonday('Asia/Kolkata');
  const path = () => `/api/booking/available-slots?clinicianId=${clinician}&date=${monday}`;
  const openTimes = (body: any): string[] =>
    body.data.availableSlots.filter((s: any) => s.available).map((s: any) => s.time);
  const here = async () => openTimes((await t.request('GET', path())).body);
  const there = async () => openTimes(await (await fetch(`${other!.url}${path()}`)).json());

  beforeAll(async () => {
    t = await startTestApi();
    admin = (await staffToken(t, 'ADMIN')).token;
    centre = await seedCentre(t, { timezone: 'Asia/Kolkata' });
    clinician = await mondayClinician(t, admin, centre);
    if (databaseUrl) other = await secondApi(t);
  });
  afterAll(async () => {
    await other?.close();
    await t.close();
  });

  it('listens for slot changes, so the cache is in use', () => {
    expect(t.api.infra.slotChanges?.ready).toBe(true);
  });

  it('hides a booked slot from the next answer, and shows it again once cancelled', async () => {
    const all = ['09:00:00', '10:00:00', '11:00:00', '12:00:00'];
    expect(await here()).toEqual(all);
    expect(await here()).toEqual(all); // now cached
    if (other) expect(await there()).toEqual(all);

    const patient = await patientToken(t);
    const booked = await t.request('POST', '/api/booking/create', {
      token: patient.token,
      body: {
        clinicianId: clinician,
        centreId: centre,
        appointmentDate: monday.toString(),
        appointmentTime: '10:00:00',
        sessionType: 'ONLINE',
      },
    });
    expect(booked.status).toBe(201);
    const without10 = ['09:00:00', '11:00:00', '12:00:00'];
    expect(await here()).toEqual(without10);
    if (other) await eventually(there, without10);

    const cancelled = await t.request('POST', `/api/booking/${booked.body.data.appointmentId}/cancel`, {
      token: patient.token,
      body: { reason: 'Cannot make it' },
    });
    expect(cancelled.status).toBe(200);
    expect(await here()).toEqual(all);
    if (other) await eventually(there, all);
  });

  it('shows a new schedule on the next answer', async () => {
    expect(await here()).toHaveLength(4);
    const changed = await t.request('PUT', `/api/clinicians/${clinician}/availability`, {
      token: admin,
      body: {
        availabilityRules: [{ dayOfWeek: 'MONDAY', startTime: '15:00', endTime: '17:00', centreId: centre }],
      },
    });
    expect(changed.status).toBe(200);
    expect(await here()).toEqual(['15:00:00', '16:00:00']);
    if (other) await eventually(there, ['15:00:00', '16:00:00']);
  });

  it.skipIf(!databaseUrl)(
    `lets a booking made on another API process hide the slot here a moment later${databaseUrl ? '' : ' (skipped: PGlite serves one process)'}`,
    async () => {
      expect(await here()).toEqual(['15:00:00', '16:00:00']);
      const patient = await patientToken(t);
      const booked = await fetch(`${other!.url}/api/booking/create`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${patient.token}` },
        body: JSON.stringify({
          clinicianId: clinician,
          centreId: centre,
          appointmentDate: monday.toString(),
          appointmentTime: '16:00:00',
          sessionType: 'ONLINE',
        }),
      });
      expect(booked.status).toBe(201);
      expect(await there()).toEqual(['15:00:00']); // the process that booked: at once
      await eventually(here, ['15:00:00'], 1_000);
    },
  );
});

describe('open slots with SLOT_CACHE_TTL_MS=0', () => {
  it('reads the database on every request and keeps no listening connection', async () => {
    const t = await startTestApi({ SLOT_CACHE_TTL_MS: '0' });
    try {
      expect(t.api.infra.slotChanges).toBeNull();
      const admin = (await staffToken(t, 'ADMIN')).token;
      const centre = await seedCentre(t, { timezone: 'Asia/Kolkata' });
      const clinician = await mondayClinician(t, admin, centre);
      const res = await t.request(
        'GET',
        `/api/booking/available-slots?clinicianId=${clinician}&date=${nextMonday('Asia/Kolkata')}`,
      );
      expect(res.body.data.availableSlots).toHaveLength(4);
    } finally {
      await t.close();
    }
  });
});
