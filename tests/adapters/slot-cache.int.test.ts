import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/adapters/logging/logger.js';
import { CachedSlotInputs } from '../../src/adapters/persistence/reads/cached-slot-inputs.js';
import { SqlSlotInputs } from '../../src/adapters/persistence/reads/slot-inputs-reads.js';
import { ServerSlotChangeFeed } from '../../src/adapters/persistence/slot-changes/server-slot-change-feed.js';
import type {
  SlotChange,
  SlotChangeFeed,
} from '../../src/adapters/persistence/slot-changes/slot-change-feed.js';
import type { SlotInputs, SlotInputsReads } from '../../src/application/scheduling/ports/slot-inputs.js';
import { AvailableSlotsHandler } from '../../src/application/scheduling/queries/available-slots.js';
import type { LocalDate } from '../../src/domain/scheduling/local-date.js';
import { mondayClinician, nextMonday, patientToken, sql, staffToken } from '../support/booking-clinic.js';
import { seedCentre } from '../support/builders.js';
import { databaseUrl } from '../support/services.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/** Counts the reads that reach the database. */
class CountingReads implements SlotInputsReads {
  loads = 0;
  answered = 0;
  gate: Promise<void> | null = null;
  constructor(private readonly inner: SlotInputsReads) {}
  async load(clinicianId: number, centreId: number | undefined, date: LocalDate, now: Date) {
    this.loads += 1;
    const inputs = await this.inner.load(clinicianId, centreId, date, now);
    this.answered += 1;
    await this.gate;
    return inputs;
  }
}

async function eventually(check: () => Promise<boolean> | boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('slot inputs cache, invalidated by PostgreSQL notifications', () => {
  let t: TestApi;
  let feed: SlotChangeFeed;
  let clinician: number;
  let other: number;
  let patient: number;
  let centre: number;
  let outsider: pg.Client | null = null; // "another process": its own connection
  const monday = nextMonday('Asia/Kolkata');
  const now = () => new Date();
  const ist = (wall: string, date = monday) => new Date(`${date.toString()}T${wall}:00+05:30`);

  const write = async (text: string, params: unknown[] = []) => {
    if (outsider) {
      await outsider.query(text, params);
      return;
    }
    // PGlite: one connection, one process. Its driver takes `?` placeholders in order.
    const order = [...text.matchAll(/\$(\d+)/g)].map((m) => params[Number(m[1]) - 1]);
    await sql(t, text.replace(/\$\d+/g, '?'), order);
  };
  const insertAppointment = (
    clinicianId: number,
    wall: string,
    status: string,
    heldUntil: Date | null,
    date = monday,
  ) =>
    write(
      `insert into appointments (patient_id, clinician_id, centre_id, start_at, end_at, session_type, status, fee_paise,
         payment_status, hold_expires_at, created_by)
       values ($1, $2, $3, $4::timestamptz, $4::timestamptz + interval '60 minutes', 'ONLINE', $5, 150000, 'PENDING', $6, 'test')`,
      [patient, clinicianId, centre, ist(wall, date), status, heldUntil],
    );
  const takenStarts = (inputs: SlotInputs) => inputs.taken.map((x) => x.start.getTime()).sort();
  const cacheOver = (reads: SlotInputsReads, ttlMs = 60_000, maxEntries = 100, clock?: () => number) =>
    new CachedSlotInputs(reads, feed, { ttlMs, maxEntries, ...(clock ? { clock } : {}) });

  beforeAll(async () => {
    t = await startTestApi();
    feed = t.api.infra.slotChanges!;
    const admin = (await staffToken(t, 'ADMIN')).token;
    centre = await seedCentre(t, { timezone: 'Asia/Kolkata' });
    clinician = await mondayClinician(t, admin, centre);
    other = await mondayClinician(t, admin, centre);
    patient = (await patientToken(t)).id;
    if (databaseUrl) {
      outsider = new pg.Client({ connectionString: t.api.infra.orm.config.get('clientUrl') });
      await outsider.connect();
    }
    await eventually(() => feed.ready, 5_000);
  });
  afterAll(async () => {
    await outsider?.end();
    await t.close();
  });

  it('serves a repeated read from memory, and re-reads once the TTL has passed', async () => {
    let clock = 1_000_000;
    const reads = new CountingReads(new SqlSlotInputs(t.api.infra.orm.em));
    const cache = cacheOver(reads, 10_000, 100, () => clock);
    const first = await t.inContext(() => cache.load(clinician, undefined, monday, now()));
    expect(await cache.load(clinician, undefined, monday, now())).toBe(first);
    expect(reads.loads).toBe(1);
    expect(first.clinician?.id).toBe(clinician);
    clock += 10_001;
    await t.inContext(() => cache.load(clinician, undefined, monday, now()));
    expect(reads.loads).toBe(2);
  });

  it('evicts only the clinician a committed booking concerns, whoever wrote it', async () => {
    const reads = new CountingReads(new SqlSlotInputs(t.api.infra.orm.em));
    const cache = cacheOver(reads);
    await t.inContext(() => cache.load(clinician, undefined, monday, now()));
    await t.inContext(() => cache.load(other, undefined, monday, now()));
    expect(cache.size).toBe(2);
    await insertAppointment(clinician, '09:00', 'CONFIRMED', null);
    await eventually(() => cache.size === 1);
    const fresh = await t.inContext(() => cache.load(clinician, undefined, monday, now()));
    expect(takenStarts(fresh)).toContain(ist('09:00').getTime());
    await t.inContext(() => cache.load(other, undefined, monday, now()));
    expect(reads.loads).toBe(3); // the other clinician was still cached
  });

  it("shows this process's own write on its very next read", async () => {
    const cache = cacheOver(new SqlSlotInputs(t.api.infra.orm.em));
    for (const wall of ['10:00', '11:00', '12:00']) {
      await t.inContext(() => cache.load(other, undefined, monday.addDays(7), now()));
      const insert = `insert into appointments (patient_id, clinician_id, centre_id, start_at, end_at, session_type,
          status, fee_paise, payment_status, hold_expires_at, created_by)
        values (?, ?, ?, ?, ?, 'ONLINE', 'CONFIRMED', 0, 'WAIVED', null, 'test')`;
      const params = [
        patient,
        other,
        centre,
        ist(wall, monday.addDays(7)),
        new Date(ist(wall, monday.addDays(7)).getTime() + 3600_000),
      ];
      // Alternately in a transaction (as every command does) and as a statement on its own.
      if (wall === '11:00') await sql(t, insert, params);
      else await t.inContext(() => t.api.infra.orm.em.transactional((em) => em.execute(insert, params)));
      const next = await t.inContext(() => cache.load(other, undefined, monday.addDays(7), now()));
      expect(takenStarts(next)).toContain(ist(wall, monday.addDays(7)).getTime());
    }
  });

  it('frees a slot whose hold expires, with no write and no new read', async () => {
    const reads = new CountingReads(new SqlSlotInputs(t.api.infra.orm.em));
    let at = new Date();
    const slots = new AvailableSlotsHandler(
      cacheOver(reads),
      { now: () => at },
      { noticeMinutes: 0, horizonDays: 60 },
    );
    const heldUntil = new Date(Date.now() + 60_000);
    const heard: SlotChange[] = [];
    feed.onChange((change) => heard.push(change));
    await insertAppointment(other, '09:00', 'PENDING', heldUntil, monday.addDays(21));
    await eventually(() => heard.includes(other)); // so that no late eviction forces a re-read below
    const open9 = async () => {
      const { slots: grid } = await t.inContext(() =>
        slots.execute({ clinicianId: other, date: monday.addDays(21).toString() }, 'staff'),
      );
      return grid.find((s) => s.time.toString() === '09:00:00')!.available;
    };
    expect(await open9()).toBe(false);
    const loads = reads.loads;
    at = new Date(heldUntil.getTime() + 1);
    expect(await open9()).toBe(true);
    expect(reads.loads).toBe(loads);
  });

  it('shows a schedule change and a centre change at once', async () => {
    const cache = cacheOver(new SqlSlotInputs(t.api.infra.orm.em));
    const minutes = async () =>
      (await t.inContext(() => cache.load(clinician, undefined, monday, now()))).clinician!
        .consultationMinutes;
    const zone = async () =>
      (await t.inContext(() => cache.load(clinician, undefined, monday, now()))).centre!.timezone;
    expect(await minutes()).toBe(60);
    await write('update clinicians set consultation_minutes = 30 where id = $1', [clinician]);
    await eventually(async () => (await minutes()) === 30);
    expect(await zone()).toBe('Asia/Kolkata');
    await write(`update centres set timezone = 'Asia/Dubai' where id = $1`, [centre]);
    await eventually(async () => (await zone()) === 'Asia/Dubai');
    const heard: SlotChange[] = [];
    feed.onChange((change) => heard.push(change));
    await write(`update centres set timezone = 'Asia/Kolkata' where id = $1`, [centre]);
    await write('update clinicians set consultation_minutes = 60 where id = $1', [clinician]);
    await eventually(() => heard.includes('all') && heard.includes(clinician)); // none arrives later
  });

  it('never stores a read that a change reported meanwhile may have made stale', async () => {
    const reads = new CountingReads(new SqlSlotInputs(t.api.infra.orm.em));
    const cache = cacheOver(reads);
    let release!: () => void;
    reads.gate = new Promise((resolve) => (release = resolve));
    const heard: SlotChange[] = [];
    feed.onChange((change) => heard.push(change));
    const pending = t.inContext(() => cache.load(clinician, undefined, monday.addDays(28), now()));
    await eventually(() => reads.answered === 1); // the database has answered
    await insertAppointment(clinician, '12:00', 'CONFIRMED', null, monday.addDays(28));
    await eventually(() => heard.includes(clinician));
    release();
    const stale = await pending;
    expect(takenStarts(stale)).not.toContain(ist('12:00', monday.addDays(28)).getTime());
    reads.gate = null;
    const fresh = await t.inContext(() => cache.load(clinician, undefined, monday.addDays(28), now()));
    expect(takenStarts(fresh)).toContain(ist('12:00', monday.addDays(28)).getTime());
  });

  it('keeps at most maxEntries, dropping the least recently used', async () => {
    const reads = new CountingReads(new SqlSlotInputs(t.api.infra.orm.em));
    const cache = cacheOver(reads, 60_000, 2);
    const load = (id: number, date: LocalDate) => t.inContext(() => cache.load(id, undefined, date, now()));
    await load(clinician, monday);
    await load(other, monday);
    await load(clinician, monday); // now the most recent
    await load(clinician, monday.addDays(7)); // evicts `other`
    expect(cache.size).toBe(2);
    expect(reads.loads).toBe(3);
    await load(clinician, monday);
    expect(reads.loads).toBe(3);
    await load(other, monday);
    expect(reads.loads).toBe(4);
  });

  it('stays silent for appointment updates that do not move taken time (payments, notes)', async () => {
    const heard: SlotChange[] = [];
    feed.onChange((change) => heard.push(change));
    await write(`update appointments set payment_status = 'PAID' where clinician_id = $1`, [clinician]);
    await write(
      `update appointments set status = 'CANCELLED', cancelled_at = now() where clinician_id = $1 and start_at = $2`,
      [clinician, ist('09:00')],
    );
    await eventually(() => heard.includes(clinician));
    expect(heard).toEqual([clinician]);
  });

  it.skipIf(!databaseUrl)(
    `flushes and bypasses the cache when its LISTEN connection is lost, until it listens again${databaseUrl ? '' : ' (skipped: needs a PostgreSQL server; PGlite has no second connection)'}`,
    async () => {
      const url = t.api.infra.orm.config.get('clientUrl')!;
      const own = new ServerSlotChangeFeed(url, createLogger('silent'), {
        firstRetryMs: 400,
        applicationName: 'mibo-slot-changes-test',
      });
      const reads = new CountingReads(new SqlSlotInputs(t.api.infra.orm.em));
      const cache = new CachedSlotInputs(reads, own, { ttlMs: 60_000, maxEntries: 100 });
      await own.start();
      try {
        expect(own.ready).toBe(true);
        const load = () => t.inContext(() => cache.load(other, undefined, monday.addDays(14), now()));
        await load();
        await load();
        expect(reads.loads).toBe(1);
        await outsider!.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
            where application_name = 'mibo-slot-changes-test' and datname = current_database()`,
        );
        await eventually(() => !own.ready);
        expect(cache.size).toBe(0);
        await insertAppointment(other, '12:00', 'CONFIRMED', null, monday.addDays(14)); // nobody listens now
        const during = await load();
        await load();
        expect(reads.loads).toBe(3); // bypassed: every read goes to the database
        expect(own.ready).toBe(false);
        await eventually(() => own.ready, 5_000);
        const after = await load();
        await load();
        expect(reads.loads).toBe(4);
        expect(takenStarts(during)).toEqual([ist('12:00', monday.addDays(14)).getTime()]);
        expect(takenStarts(after)).toEqual(takenStarts(during));
      } finally {
        await own.stop();
      }
    },
  );
});
