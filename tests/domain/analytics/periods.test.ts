import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calendarWindowsOn, monthOf, weekOf } from '../../../src/domain/analytics/calendar-windows.js';
import { revenueLabels, revenueWindow } from '../../../src/domain/analytics/revenue-window.js';
import { LocalDate } from '../../../src/domain/scheduling/local-date.js';

const d = (s: string) => LocalDate.parse(s);
const range = (r: { from: LocalDate; to: LocalDate }) => [r.from.toString(), r.to.toString()];
const anyDay = fc.integer({ min: 0, max: 40_000 }).map((n) => LocalDate.fromEpochDay(n));

describe('calendar windows', () => {
  it('takes weeks Monday to Sunday and whole calendar months', () => {
    expect(range(weekOf(d('2026-03-01')))).toEqual(['2026-02-23', '2026-03-01']); // a Sunday
    expect(range(weekOf(d('2026-03-02')))).toEqual(['2026-03-02', '2026-03-08']); // a Monday
    expect(range(monthOf(d('2024-02-10')))).toEqual(['2024-02-01', '2024-02-29']);
    expect(range(monthOf(d('2026-12-31')))).toEqual(['2026-12-01', '2026-12-31']);
    const w = calendarWindowsOn(d('2026-04-15'));
    expect([w.today.toString(), ...range(w.week), ...range(w.month)]).toEqual([
      '2026-04-15',
      '2026-04-13',
      '2026-04-19',
      '2026-04-01',
      '2026-04-30',
    ]);
  });

  it('puts every day in a 7-day week from a Monday and in its own month', () => {
    fc.assert(
      fc.property(anyDay, (day) => {
        const week = weekOf(day);
        expect(week.from.dayOfWeek()).toBe('MONDAY');
        expect(week.to.epochDay() - week.from.epochDay()).toBe(6);
        expect(week.from.compare(day) <= 0 && day.compare(week.to) <= 0).toBe(true);
        const month = monthOf(day);
        expect(month.from.day).toBe(1);
        expect([month.from.month, month.to.month]).toEqual([day.month, day.month]);
        expect(month.to.addDays(1).day).toBe(1);
      }),
    );
  });
});

describe('revenue windows', () => {
  const today = d('2026-03-02');

  it('ends each period today', () => {
    expect(range(revenueWindow('day', today))).toEqual(['2026-03-02', '2026-03-02']);
    expect(range(revenueWindow('week', today))).toEqual(['2026-02-24', '2026-03-02']);
    expect(range(revenueWindow('month', today))).toEqual(['2026-03-01', '2026-03-02']);
    expect(range(revenueWindow('year', today))).toEqual(['2026-01-01', '2026-03-02']);
  });

  it('labels days, or months for a year, with no gaps', () => {
    expect(revenueLabels(revenueWindow('day', today))).toEqual(['2026-03-02']);
    expect(revenueLabels(revenueWindow('week', today))).toHaveLength(7);
    expect(revenueLabels(revenueWindow('year', today))).toEqual(['2026-01', '2026-02', '2026-03']);
  });

  it('lets startDate and endDate replace either end, and refuses windows that make no sense', () => {
    const w = revenueWindow('month', today, { startDate: '2026-02-20', endDate: '2026-02-22' });
    expect(revenueLabels(w)).toEqual(['2026-02-20', '2026-02-21', '2026-02-22']);
    expect(() => revenueWindow('week', today, { startDate: '2026-03-05' })).toThrow(/Validation/);
    expect(() => revenueWindow('month', today, { startDate: '2024-01-01' })).toThrow(/Validation/);
    expect(() => revenueWindow('day', today, { startDate: '2026-02-30' })).toThrow(/Validation/);
    expect(revenueLabels(revenueWindow('year', today, { startDate: '2024-11-15' }))).toHaveLength(17);
  });
});
