import { expectOk, mapLimit, requestJson } from './lib/http.js';
import { SEED_ZONE } from './lib/scheduling-seed.js';
import { listClinicians, shuffled, slotsPath, workingDates, type FreeSlot } from './lib/slot-handout.js';
import { bookingHandout, SLOT_DATES } from './lib/booking-handout.js';
import type { Scenario } from './scenarios.js';

/**
 * Issue 3's scenarios, on the database the Mibo bench server seeds with BENCH_SEED=scheduling
 * (bench/lib/scheduling-seed.ts): at least 50 clinicians and 100,000 appointments.
 */

const SEEDED = { BENCH_SEED: 'scheduling' };
const MIN_CLINICIANS = 50;
const SAMPLE = 40;

/** A public slot grid per request, over every seeded clinician and the coming weeks' dates. */
export function availableSlots(): Scenario {
  let paths: string[] = [];
  let cursor = 0;
  const nextPath = () => paths[cursor++ % paths.length]!;
  return {
    name: 'GET /api/booking/available-slots',
    miboEnv: SEEDED,
    cpuRatioTarget: 8, // issue 3: at most 8× the baseline's CPU per request, on PostgreSQL
    async prepare({ miboUrl, log }) {
      const clinicians = await listClinicians(miboUrl);
      if (clinicians.length < MIN_CLINICIANS) {
        throw new Error(`only ${clinicians.length} clinicians: the scenario needs the seeded database`);
      }
      const dates = workingDates(SEED_ZONE, 1, SLOT_DATES);
      paths = shuffled(clinicians.flatMap((clinician) => dates.map((date) => slotsPath(clinician, date))));
      cursor = 0;
      const grids = (await mapLimit(paths.slice(0, SAMPLE), 8, (path) =>
        expectOk(miboUrl, 'GET', path),
      )) as Array<{
        data: { availableSlots: Array<{ available: boolean }> };
      }>;
      const slots = grids.flatMap((grid) => grid.data.availableSlots);
      const open = slots.filter((slot) => slot.available).length;
      log(
        `${clinicians.length} clinicians × ${dates.length} dates; a sample of ${SAMPLE} grids has ${slots.length} slots, ${open} open`,
      );
      if (open === 0 || open === slots.length)
        throw new Error('the seeded grids should mix open and taken slots');
    },
    baseline: () => ({
      method: 'GET',
      path: '/hello',
      vary: () => {
        const path = nextPath();
        return { path: `/hello${path.slice(path.indexOf('?'))}` }; // the same query string, ignored
      },
    }),
    mibo: () => ({ method: 'GET', path: '/api/booking/available-slots', vary: () => ({ path: nextPath() }) }),
  };
}

/**
 * Patients booking at once: each request has its own open slot (round robin over clinicians, read
 * from the public grid beforehand) and its own patient (logged in by OTP beforehand), so every answer
 * should be 201; a 409 would mean the handout was wrong. Skips itself while the route does not exist.
 */
export function bookingCreate(): Scenario {
  let handout: Array<{ token: string; slot: FreeSlot }> = [];
  let taken = 0;
  const next = () => {
    if (taken === handout.length) console.warn('  ! booking handout exhausted: reusing slots (expect 409s)');
    const { token, slot } = handout[Math.min(taken++, handout.length - 1)]!;
    return { headers: { authorization: `Bearer ${token}` }, body: { ...slot, sessionType: 'IN_PERSON' } };
  };
  return {
    name: 'POST /api/booking/create',
    miboEnv: { ...SEEDED, JWT_EXPIRES_IN: '1h' },
    p99TargetMs: 200, // issue 3: p99 under 200 ms at 10 concurrent clients, no 5xx, on PostgreSQL
    async prepare({ miboUrl, settings, log }) {
      const probe = await requestJson(miboUrl, 'POST', '/api/booking/create', {});
      // No such route: 404, or 405 where it falls under GET /api/booking/:id.
      if (probe.status === 404 || probe.status === 405) {
        return { skip: `POST /api/booking/create answers ${probe.status} (the route is not built yet)` };
      }
      const started = Date.now();
      handout = await bookingHandout(miboUrl, settings, 8_000_000_000);
      taken = 0;
      const used = handout.map((entry) => entry.slot);
      log(
        `handout: ${handout.length} open slots of ${new Set(used.map((s) => s.clinicianId)).size} clinicians on ` +
          `${new Set(used.map((s) => s.appointmentDate)).size} dates, ${handout.length} patients logged in by OTP, ` +
          `in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    },
    baseline: () => ({
      method: 'POST',
      path: '/echo',
      body: {
        clinicianId: 1,
        centreId: 1,
        appointmentDate: '2030-01-07',
        appointmentTime: '09:00:00',
        sessionType: 'IN_PERSON',
      },
    }),
    mibo: (phase, { settings }) => ({
      method: 'POST',
      path: '/api/booking/create',
      amount: phase === 'warmup' ? settings.bookingsWarmup : settings.bookingsPerRound,
      vary: next,
    }),
  };
}
