import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkExceptions, type DateException } from '../../../src/domain/scheduling/date-exception.js';
import { windowsOnDate } from '../../../src/domain/scheduling/day-windows.js';
import { LocalDate } from '../../../src/domain/scheduling/local-date.js';
import { slotsOn, openSlots, type Slot, type SlotQuery } from '../../../src/domain/scheduling/open-slots.js';
import { TimeOfDay } from '../../../src/domain/scheduling/time-of-day.js';
import { wallClockOf, zonedInstant } from '../../../src/domain/scheduling/time-zone.js';
import { WeeklyAvailability } from '../../../src/domain/scheduling/weekly-availability.js';
import { anyCentre, anyRule, anyWindow, keepValid, minutesToTime, shuffled } from './arbitraries.js';

const MINUTE = 60_000;
const zones = ['Asia/Kolkata', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
// Daylight-saving changes in New York, London and Lord Howe (half an hour there).
const changes = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04'];

const anyDate = fc.oneof(
  fc.constantFrom(...changes).map((text) => LocalDate.parse(text)),
  fc.integer({ min: 0, max: 3 * 366 }).map((n) => LocalDate.parse('2025-01-01').addDays(n)),
);

const anyException = fc.record({
  kind: fc.oneof(
    { arbitrary: fc.constant('off'), weight: 1 },
    { arbitrary: fc.constant('block'), weight: 4 },
    { arbitrary: fc.constant('special'), weight: 2 },
  ),
  window: anyWindow,
  centreId: anyCentre,
  otherDate: fc.boolean(),
});

const anyQuery = fc
  .record({
    zone: fc.constantFrom(...zones),
    date: anyDate,
    durationMinutes: fc.oneof(
      fc.constantFrom(15, 30, 45, 50, 60, 90),
      fc.integer({ min: 1, max: 96 }).map((n) => n * 5),
      fc.integer({ min: 1, max: 12 }).map((n) => n * 5),
    ),
    rules: fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), anyRule()), { minLength: 1, maxLength: 8 }),
    exceptions: fc.array(anyException, { maxLength: 3 }),
    centreId: anyCentre,
    taken: fc.array(fc.tuple(fc.integer({ min: -24 * 60, max: 48 * 60 }), fc.integer({ min: 0, max: 240 })), {
      maxLength: 8,
    }),
    nowMinutes: fc.integer({ min: -2 * 1440, max: 1440 }),
    noticeMinutes: fc.integer({ min: 0, max: 240 }),
    horizonDays: fc.integer({ min: 0, max: 3 }),
  })
  .map((r): SlotQuery => {
    // Most rules fall on the date asked for, so most queries have windows to cut.
    const rules = keepValid(
      r.rules.map(([dice, rule]) => (dice > 0 ? { ...rule, dayOfWeek: r.date.dayOfWeek() } : rule)),
      (list) => WeeklyAvailability.of(list),
    );
    const exceptions = keepValid(
      r.exceptions.map((e): DateException => ({
        date: e.otherDate ? r.date.addDays(1) : r.date,
        isAvailable: e.kind === 'special',
        startTime: e.kind === 'off' ? null : minutesToTime(e.window.start),
        endTime: e.kind === 'off' ? null : minutesToTime(e.window.end),
        centreId: e.centreId,
        reason: null,
      })),
      checkExceptions,
    );
    const midnightUtc = Date.UTC(r.date.year, r.date.month - 1, r.date.day);
    return {
      date: r.date,
      zone: r.zone,
      durationMinutes: r.durationMinutes,
      availability: WeeklyAvailability.of(rules),
      exceptions,
      centreId: r.centreId,
      taken: r.taken.map(([from, length]) => ({
        start: new Date(midnightUtc + from * MINUTE),
        end: new Date(midnightUtc + (from + length) * MINUTE),
      })),
      now: new Date(midnightUtc + r.nowMinutes * MINUTE),
      noticeMinutes: r.noticeMinutes,
      horizonDays: r.horizonDays,
    };
  });

/** Minute by minute, what the clinician offers that date: an oracle independent of windowsOnDate. */
function offeredMinutes(q: SlotQuery): boolean[] {
  const applies = (centreId: number | null) =>
    centreId === null || q.centreId === null || centreId === q.centreId;
  const relevant = q.exceptions.filter((e) => e.date.equals(q.date) && applies(e.centreId));
  const offered = new Array<boolean>(1440).fill(false);
  if (relevant.some((e) => !e.isAvailable && e.startTime === null)) return offered;
  const mark = (from: TimeOfDay, to: TimeOfDay, value: boolean) =>
    offered.fill(value, from.minutes, to.minutes);
  const special = relevant.filter((e) => e.isAvailable);
  if (special.length > 0) special.forEach((e) => mark(e.startTime!, e.endTime!, true));
  else
    q.availability.rules
      .filter((r) => r.isAvailable && r.dayOfWeek === q.date.dayOfWeek() && applies(r.centreId))
      .forEach((r) => mark(r.startTime, r.endTime, true));
  relevant.filter((e) => !e.isAvailable).forEach((e) => mark(e.startTime!, e.endTime!, false));
  return offered;
}

const overlaps = (slot: Slot, t: { start: Date; end: Date }) => slot.start < t.end && t.start < slot.end;
const runs = { numRuns: 200 };

describe('open slots (properties)', () => {
  it('every slot lies inside what is offered that date, lasts its duration, and reads back as its local time', () => {
    fc.assert(
      fc.property(anyQuery, (q) => {
        const offered = offeredMinutes(q);
        for (const slot of slotsOn(q)) {
          const from = slot.time.minutes;
          expect(offered.slice(from, from + q.durationMinutes).every(Boolean)).toBe(true);
          expect(slot.end.getTime() - slot.start.getTime()).toBe(q.durationMinutes * MINUTE);
          const clock = wallClockOf(slot.start, q.zone);
          expect([clock.date.toString(), clock.time.minutes]).toEqual([q.date.toString(), from]);
        }
      }),
      runs,
    );
  });

  it('every slot is on the grid of a window, and every grid point that exists in the zone is a slot', () => {
    fc.assert(
      fc.property(anyQuery, (q) => {
        const d = q.durationMinutes;
        const windows = windowsOnDate(q.availability, q.exceptions, q.date, q.centreId);
        const slots = slotsOn(q);
        for (const slot of slots) {
          const m = slot.time.minutes;
          const onGrid = windows.some(
            (w) => w.start.minutes <= m && m + d <= w.end.minutes && (m - w.start.minutes) % d === 0,
          );
          expect(onGrid).toBe(true);
        }
        const starts = new Set(slots.map((s) => s.start.getTime()));
        for (const w of windows) {
          for (let m = w.start.minutes; m + d <= w.end.minutes; m += d) {
            const start = zonedInstant(q.date, TimeOfDay.fromMinutes(m), q.zone);
            const end = zonedInstant(q.date, minutesToTime(m + d), q.zone);
            if (start !== undefined && end !== undefined) expect(starts.has(start.getTime())).toBe(true);
          }
        }
      }),
      runs,
    );
  });

  it('an open slot overlaps no taken time, starts at or after now + notice and before the horizon', () => {
    fc.assert(
      fc.property(anyQuery, (q) => {
        const earliest = q.now.getTime() + q.noticeMinutes * MINUTE;
        const horizon = q.now.getTime() + q.horizonDays * 86_400_000;
        for (const slot of openSlots(q)) {
          expect(q.taken.some((t) => overlaps(slot, t))).toBe(false);
          expect(slot.start.getTime()).toBeGreaterThanOrEqual(earliest);
          expect(slot.start.getTime()).toBeLessThan(horizon);
        }
        // And the flag is exactly those three rules: nothing else hides a slot.
        for (const slot of slotsOn(q)) {
          const t = slot.start.getTime();
          const expected = t >= earliest && t < horizon && !q.taken.some((taken) => overlaps(slot, taken));
          expect(slot.available).toBe(expected);
        }
      }),
      runs,
    );
  });

  it('slots are sorted by start and unique', () => {
    fc.assert(
      fc.property(anyQuery, (q) => {
        const starts = slotsOn(q).map((s) => s.start.getTime());
        starts.slice(1).forEach((start, i) => expect(start).toBeGreaterThan(starts[i]!));
      }),
      runs,
    );
  });

  it('the result is the same whatever the order of rules, exceptions and taken time', () => {
    const withReordering = anyQuery.chain((q) =>
      fc.tuple(fc.constant(q), shuffled(q.availability.rules), shuffled(q.exceptions), shuffled(q.taken)),
    );
    fc.assert(
      fc.property(withReordering, ([q, rules, exceptions, taken]) => {
        const reordered = { ...q, availability: WeeklyAvailability.of([...rules]), exceptions, taken };
        expect(slotsOn(reordered)).toEqual(slotsOn(q));
      }),
      runs,
    );
  });
});
