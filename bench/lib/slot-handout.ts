import { expectOk, mapLimit } from './http.js';

export interface BenchClinician {
  id: number;
  centreId: number;
}

/** One open slot, as `POST /api/booking/create` names it. */
export interface FreeSlot {
  clinicianId: number;
  centreId: number;
  appointmentDate: string;
  appointmentTime: string;
}

const DAY_MS = 86_400_000;

/** Every active clinician (the public list) with the primary centre its slots are asked for. */
export async function listClinicians(miboUrl: string): Promise<BenchClinician[]> {
  const all: BenchClinician[] = [];
  for (let page = 1; ; page++) {
    const body = (await expectOk(miboUrl, 'GET', `/api/clinicians?limit=100&page=${page}`)) as {
      data: Array<{ id: number; primaryCentreId: number }>;
      meta: { total: number };
    };
    all.push(...body.data.map((c) => ({ id: c.id, centreId: c.primaryCentreId })));
    if (body.data.length === 0 || all.length >= body.meta.total) return all;
  }
}

/** `count` dates from `fromOffset` days after today in `zone`, Sundays left out (no one works). */
export function workingDates(zone: string, fromOffset: number, count: number, now = new Date()): string[] {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(now); // YYYY-MM-DD
  const midnight = Date.parse(`${today}T00:00:00Z`);
  const dates: string[] = [];
  for (let offset = fromOffset; dates.length < count; offset++) {
    const day = new Date(midnight + offset * DAY_MS);
    if (day.getUTCDay() !== 0) dates.push(day.toISOString().slice(0, 10));
  }
  return dates;
}

export function slotsPath(clinician: BenchClinician, date: string): string {
  return `/api/booking/available-slots?clinicianId=${clinician.id}&centreId=${clinician.centreId}&date=${date}`;
}

/**
 * Open slots from the public grid, a date at a time, until there are `needed`; handed out round
 * robin over clinicians, so requests in flight together book different clinicians.
 */
export async function collectFreeSlots(
  miboUrl: string,
  clinicians: BenchClinician[],
  dates: string[],
  needed: number,
): Promise<FreeSlot[]> {
  const perClinician = new Map<number, FreeSlot[]>(clinicians.map((c) => [c.id, []]));
  let found = 0;
  for (const date of dates) {
    if (found >= needed) break;
    await mapLimit(clinicians, 8, async (clinician) => {
      const body = (await expectOk(miboUrl, 'GET', slotsPath(clinician, date))) as {
        data: { availableSlots: Array<{ time: string; available: boolean }> };
      };
      for (const slot of body.data.availableSlots.filter((s) => s.available)) {
        perClinician.get(clinician.id)!.push({
          clinicianId: clinician.id,
          centreId: clinician.centreId,
          appointmentDate: date,
          appointmentTime: slot.time,
        });
        found++;
      }
    });
  }
  return roundRobin([...perClinician.values()]);
}

/** The first of each list, then the second of each, and so on. */
export function roundRobin<T>(lists: T[][]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((list) => list.length));
  for (let i = 0; i < longest; i++) {
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  }
  return out;
}

/** A reproducible shuffle (Fisher–Yates over a small linear congruential generator). */
export function shuffled<T>(items: readonly T[], seed = 1): T[] {
  const out = [...items];
  let state = seed >>> 0;
  const random = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
