import fc from 'fast-check';
import { DAYS_OF_WEEK, type DayOfWeek } from '../../../src/domain/scheduling/day-of-week.js';
import type { DateException } from '../../../src/domain/scheduling/date-exception.js';
import { LocalDate } from '../../../src/domain/scheduling/local-date.js';
import { TimeOfDay } from '../../../src/domain/scheduling/time-of-day.js';
import type { AvailabilityRule } from '../../../src/domain/scheduling/weekly-availability.js';

export const time = (text: string) => TimeOfDay.parse(text);

// A Monday.
export const monday = LocalDate.parse('2026-03-02');

/** 1440 is only reachable as endOfDay. */
export const minutesToTime = (m: number) => (m === 1440 ? TimeOfDay.endOfDay : TimeOfDay.fromMinutes(m));

export const rule = (
  dayOfWeek: DayOfWeek,
  start: string,
  end: string,
  extra: Partial<Pick<AvailabilityRule, 'isAvailable' | 'centreId'>> = {},
): AvailabilityRule => ({
  dayOfWeek,
  startTime: time(start),
  endTime: time(end),
  isAvailable: extra.isAvailable ?? true,
  centreId: extra.centreId ?? null,
});

/** A window of whole 5-minute steps inside one day, start before end. */
export const anyWindow = fc
  .tuple(fc.integer({ min: 0, max: 287 }), fc.integer({ min: 1, max: 96 }))
  .map(([step, length]) => ({ start: step * 5, end: Math.min(1440, (step + length) * 5) }));

export const anyCentre = fc.constantFrom<number | null>(null, 1, 2);

export const anyRule = (days: fc.Arbitrary<DayOfWeek> = fc.constantFrom(...DAYS_OF_WEEK)) =>
  fc
    .record({
      day: days,
      window: anyWindow,
      isAvailable: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      centreId: anyCentre,
    })
    .map((r): AvailabilityRule => ({
      dayOfWeek: r.day,
      startTime: minutesToTime(r.window.start),
      endTime: minutesToTime(r.window.end),
      isAvailable: r.isAvailable,
      centreId: r.centreId,
    }));

/** Keeps each candidate that does not make `accepts` fail: a valid set built from random ones. */
export function keepValid<T>(candidates: T[], accepts: (list: T[]) => void): T[] {
  const kept: T[] = [];
  for (const candidate of candidates) {
    try {
      accepts([...kept, candidate]);
      kept.push(candidate);
    } catch {
      // refused: leave it out
    }
  }
  return kept;
}

/** A permutation of `list`, driven by fast-check so failures shrink and replay. */
export const shuffled = <T>(list: readonly T[]) =>
  fc.array(fc.nat(), { minLength: list.length, maxLength: list.length }).map((keys) =>
    list
      .map((item, index) => ({ item, key: keys[index] ?? 0, index }))
      .sort((a, b) => a.key - b.key || a.index - b.index)
      .map(({ item }) => item),
  );

/** An exception on `monday` unless told otherwise; `times` sets both ends. */
export const exception = (over: Partial<DateException> & { times?: [string, string] }): DateException => ({
  date: over.date ?? monday,
  isAvailable: over.isAvailable ?? false,
  startTime: over.times ? time(over.times[0]) : (over.startTime ?? null),
  endTime: over.times ? time(over.times[1]) : (over.endTime ?? null),
  centreId: over.centreId ?? null,
  reason: over.reason ?? null,
});
