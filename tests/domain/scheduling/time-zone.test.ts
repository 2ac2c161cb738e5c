import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../../src/domain/shared/domain-error.js';
import { LocalDate } from '../../../src/domain/scheduling/local-date.js';
import { TimeOfDay } from '../../../src/domain/scheduling/time-of-day.js';
import { isValidTimeZone, wallClockOf, zonedInstant } from '../../../src/domain/scheduling/time-zone.js';

const at = (date: string, time: string, zone: string) =>
  zonedInstant(LocalDate.parse(date), TimeOfDay.parse(time), zone)?.toISOString();

describe('time zones', () => {
  it('knows IANA zones and refuses anything else', () => {
    for (const zone of ['Asia/Kolkata', 'America/New_York', 'Europe/London', 'UTC']) {
      expect(isValidTimeZone(zone), zone).toBe(true);
    }
    for (const zone of ['', 'Mars/Olympus', '+05:30', 'IST '])
      expect(isValidTimeZone(zone), zone).toBe(false);
  });

  it('refuses an unknown zone with a validation error, not a crash', () => {
    const date = LocalDate.parse('2026-01-01');
    expect(() => zonedInstant(date, TimeOfDay.parse('09:00'), 'Mars/Olympus')).toThrow(InvalidValueError);
    expect(() => wallClockOf(new Date(), 'Mars/Olympus')).toThrow(InvalidValueError);
  });

  it('Asia/Kolkata is UTC+05:30 all year', () => {
    expect(at('2026-01-15', '09:00', 'Asia/Kolkata')).toBe('2026-01-15T03:30:00.000Z');
    expect(at('2026-07-15', '09:00', 'Asia/Kolkata')).toBe('2026-07-15T03:30:00.000Z');
    expect(at('2026-07-15', '03:00', 'Asia/Kolkata')).toBe('2026-07-14T21:30:00.000Z');
  });

  it('America/New_York: 02:30 on 2026-03-08 does not exist', () => {
    expect(at('2026-03-08', '02:30', 'America/New_York')).toBeUndefined();
    expect(at('2026-03-08', '02:00', 'America/New_York')).toBeUndefined();
    expect(at('2026-03-08', '01:59', 'America/New_York')).toBe('2026-03-08T06:59:00.000Z');
    expect(at('2026-03-08', '03:00', 'America/New_York')).toBe('2026-03-08T07:00:00.000Z');
  });

  it('America/New_York: 01:30 on 2026-11-01 happens twice; the earlier (EDT) instant is taken', () => {
    expect(at('2026-11-01', '01:30', 'America/New_York')).toBe('2026-11-01T05:30:00.000Z');
    expect(at('2026-11-01', '02:00', 'America/New_York')).toBe('2026-11-01T07:00:00.000Z');
    expect(at('2026-10-31', '01:30', 'America/New_York')).toBe('2026-10-31T05:30:00.000Z');
  });

  it('Europe/London: GMT in winter, BST in summer, a gap in March and a repeat in October', () => {
    expect(at('2026-01-10', '09:00', 'Europe/London')).toBe('2026-01-10T09:00:00.000Z');
    expect(at('2026-06-10', '09:00', 'Europe/London')).toBe('2026-06-10T08:00:00.000Z');
    expect(at('2026-03-29', '01:30', 'Europe/London')).toBeUndefined();
    expect(at('2026-10-25', '01:30', 'Europe/London')).toBe('2026-10-25T00:30:00.000Z');
  });

  it('endOfDay resolves to the next midnight', () => {
    const date = LocalDate.parse('2026-03-07');
    expect(zonedInstant(date, TimeOfDay.endOfDay, 'Asia/Kolkata')?.toISOString()).toBe(
      '2026-03-07T18:30:00.000Z',
    );
  });

  it('reads the wall clock of an instant, seconds apart', () => {
    const clock = wallClockOf(new Date('2026-11-01T06:30:15.900Z'), 'America/New_York');
    expect(clock.date.toString()).toBe('2026-11-01');
    expect(clock.time.toString()).toBe('01:30:00');
    expect(clock.seconds).toBe(15);
    expect(wallClockOf(new Date('2026-03-07T18:30:00Z'), 'Asia/Kolkata').date.toString()).toBe('2026-03-08');
  });

  it('property: a resolved wall time reads back as itself, and a missing one lies in a gap', () => {
    const zones = [
      'Asia/Kolkata',
      'America/New_York',
      'Europe/London',
      'Australia/Lord_Howe',
      'Asia/Kathmandu',
    ];
    const transitions = ['2026-03-08', '2026-11-01', '2026-03-29', '2026-10-25', '2026-04-05', '2026-10-04'];
    const anyDate = fc.oneof(
      fc.constantFrom(...transitions).map((text) => LocalDate.parse(text)),
      fc.integer({ min: 0, max: 3 * 366 }).map((n) => LocalDate.parse('2025-01-01').addDays(n)),
    );
    const anyMinutes = fc.oneof(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 0, max: 180 }));
    fc.assert(
      fc.property(fc.constantFrom(...zones), anyDate, anyMinutes, (zone, date, minutes) => {
        const instant = zonedInstant(date, TimeOfDay.fromMinutes(minutes), zone);
        if (instant === undefined) {
          // Only a jump of the clock leaves wall times out: the offsets either side of it differ.
          const probe = Date.UTC(date.year, date.month - 1, date.day) + minutes * 60_000;
          const before = wallClockOf(new Date(probe - 86_400_000), zone);
          const after = wallClockOf(new Date(probe + 86_400_000), zone);
          expect(before.time.minutes).not.toBe(after.time.minutes);
          return;
        }
        const clock = wallClockOf(instant, zone);
        expect(clock.date.equals(date)).toBe(true);
        expect(clock.time.minutes).toBe(minutes);
        expect(clock.seconds).toBe(0);
        // On a repeated wall time the earlier instant wins: half an hour or an hour before, the
        // clock never showed the same time.
        for (const back of [30, 60]) {
          const earlier = wallClockOf(new Date(instant.getTime() - back * 60_000), zone);
          expect(earlier.date.equals(date) && earlier.time.minutes === minutes).toBe(false);
        }
      }),
      { numRuns: 200 },
    );
  });
});
