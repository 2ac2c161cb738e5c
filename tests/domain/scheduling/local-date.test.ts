import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../../src/domain/shared/domain-error.js';
import { DAYS_OF_WEEK } from '../../../src/domain/scheduling/day-of-week.js';
import { LocalDate } from '../../../src/domain/scheduling/local-date.js';

describe('LocalDate', () => {
  it('parses a real date and prints it back', () => {
    const date = LocalDate.parse('2026-03-08');
    expect(date).toMatchObject({ year: 2026, month: 3, day: 8 });
    expect(date.toString()).toBe('2026-03-08');
  });

  it('accepts a leap day and refuses dates that do not exist', () => {
    expect(LocalDate.parse('2024-02-29').toString()).toBe('2024-02-29');
    expect(LocalDate.parse('2000-02-29').toString()).toBe('2000-02-29');
    for (const text of ['2024-02-30', '2023-02-29', '1900-02-29', '2026-04-31', '2026-13-01', '2026-00-10']) {
      expect(() => LocalDate.parse(text), text).toThrow(InvalidValueError);
    }
  });

  it('refuses other shapes and names the field', () => {
    for (const text of ['2026-3-8', '08-03-2026', '2026-03-08T00:00:00Z', ' 2026-03-08', '']) {
      expect(() => LocalDate.parse(text), text).toThrow(InvalidValueError);
    }
    const error = (() => {
      try {
        LocalDate.parse('2024-02-30', 'appointmentDate');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(InvalidValueError);
    expect((error as InvalidValueError).details).toHaveProperty('appointmentDate');
  });

  it('adds days across months, years and leap days', () => {
    expect(LocalDate.parse('2024-02-28').addDays(1).toString()).toBe('2024-02-29');
    expect(LocalDate.parse('2024-02-29').addDays(1).toString()).toBe('2024-03-01');
    expect(LocalDate.parse('2026-12-31').addDays(1).toString()).toBe('2027-01-01');
    expect(LocalDate.parse('2026-01-01').addDays(-1).toString()).toBe('2025-12-31');
    expect(LocalDate.parse('2026-01-01').addDays(365).toString()).toBe('2027-01-01');
  });

  it('knows the day of the week', () => {
    expect(LocalDate.parse('2026-11-25').dayOfWeek()).toBe('WEDNESDAY');
    expect(LocalDate.parse('2024-02-29').dayOfWeek()).toBe('THURSDAY');
    expect(LocalDate.parse('1970-01-01').dayOfWeek()).toBe('THURSDAY');
    expect(LocalDate.parse('1969-12-28').dayOfWeek()).toBe('SUNDAY');
  });

  it('compares and tests equality by value', () => {
    const a = LocalDate.parse('2026-03-08');
    expect(a.compare(LocalDate.parse('2026-03-09'))).toBeLessThan(0);
    expect(a.compare(LocalDate.parse('2025-12-31'))).toBeGreaterThan(0);
    expect(a.equals(LocalDate.parse('2026-03-08'))).toBe(true);
    expect(a.equals(LocalDate.parse('2026-08-03'))).toBe(false);
  });

  it('property: addDays agrees with the calendar of Date, and the week cycles every 7 days', () => {
    const anyDate = fc.date({
      min: new Date('1900-01-01'),
      max: new Date('2199-12-31'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1000, max: 1000 }), (instant, n) => {
        const date = LocalDate.parse(instant.toISOString().slice(0, 10));
        const expected = new Date(Date.UTC(date.year, date.month - 1, date.day + n))
          .toISOString()
          .slice(0, 10);
        expect(date.addDays(n).toString()).toBe(expected);
        expect(date.addDays(n).compare(date) === 0).toBe(n === 0);
        expect(date.addDays(7 * n).dayOfWeek()).toBe(date.dayOfWeek());
        const jsDay = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
        expect(date.dayOfWeek()).toBe(DAYS_OF_WEEK[(jsDay + 6) % 7]);
      }),
      { numRuns: 200 },
    );
  });
});
