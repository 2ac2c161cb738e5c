import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../../src/domain/shared/domain-error.js';
import { checkExceptions, type DateException } from '../../../src/domain/scheduling/date-exception.js';
import { windowsOnDate } from '../../../src/domain/scheduling/day-windows.js';
import { WeeklyAvailability } from '../../../src/domain/scheduling/weekly-availability.js';
import { exception, monday, rule, time } from './arbitraries.js';

const refusal = (list: DateException[], words: string) =>
  expect(() => checkExceptions(list)).toThrow(
    expect.objectContaining({ details: { exceptions: expect.stringContaining(words) } }),
  );

describe('checkExceptions', () => {
  it('accepts a day off, a blocked interval and special hours', () => {
    expect(() =>
      checkExceptions([
        exception({ reason: 'Leave' }),
        exception({ date: monday.addDays(1), times: ['12:00', '13:00'] }),
        exception({ date: monday.addDays(2), isAvailable: true, times: ['10:00', '14:00'] }),
        exception({ date: monday.addDays(2), isAvailable: true, times: ['14:00', '16:00'] }),
      ]),
    ).not.toThrow();
  });

  it('refuses only one of startTime and endTime', () => {
    refusal([exception({ startTime: time('10:00') })], 'both');
    refusal([exception({ endTime: time('10:00') })], 'both');
  });

  it('refuses an exception that ends at or before it starts', () => {
    refusal([exception({ times: ['10:00', '10:00'] })], 'end after');
    refusal([exception({ isAvailable: true, times: ['11:00', '10:00'] })], 'end after');
  });

  it('refuses special hours without times', () => {
    refusal([exception({ isAvailable: true })], 'special hours');
  });

  it('refuses two exceptions of one date that overlap at a shared centre', () => {
    refusal([exception({ times: ['10:00', '12:00'] }), exception({ times: ['11:00', '13:00'] })], 'overlap');
    refusal(
      [exception({}), exception({ isAvailable: true, times: ['10:00', '12:00'], centreId: 2 })],
      'overlap',
    );
    refusal([exception({ centreId: 1 }), exception({ centreId: 1, times: ['08:00', '09:00'] })], 'overlap');
  });

  it('allows the same time on other dates, at other centres, or touching', () => {
    expect(() =>
      checkExceptions([
        exception({ centreId: 1 }),
        exception({ centreId: 2 }),
        exception({ date: monday.addDays(7) }),
        exception({ date: monday.addDays(8), times: ['10:00', '11:00'] }),
        exception({ date: monday.addDays(8), times: ['11:00', '12:00'] }),
      ]),
    ).not.toThrow();
  });

  it('reports the error as an InvalidValueError on the exceptions field', () => {
    expect(() => checkExceptions([exception({ isAvailable: true })])).toThrow(InvalidValueError);
  });
});

describe('windowsOnDate', () => {
  const week = WeeklyAvailability.of([
    rule('MONDAY', '09:00', '13:00'),
    rule('MONDAY', '14:00', '18:00', { centreId: 1 }),
    rule('MONDAY', '14:00', '16:00', { centreId: 2 }),
  ]);
  const shown = (list: DateException[], centreId: number | null, date = monday) =>
    windowsOnDate(week, list, date, centreId).map((w) => `${w.start.toString()}-${w.end.toString()}`);

  it('without exceptions: the weekly windows of the day at that centre', () => {
    expect(shown([], 1)).toEqual(['09:00:00-13:00:00', '14:00:00-18:00:00']);
    expect(shown([], 2)).toEqual(['09:00:00-13:00:00', '14:00:00-16:00:00']);
  });

  it('a day off for all centres leaves nothing; for one centre, only that centre', () => {
    expect(shown([exception({})], 1)).toEqual([]);
    expect(shown([exception({ centreId: 1 })], 1)).toEqual([]);
    expect(shown([exception({ centreId: 1 })], 2)).toEqual(['09:00:00-13:00:00', '14:00:00-16:00:00']);
    expect(shown([exception({ centreId: 1 })], null)).toEqual([]);
  });

  it('a blocked interval cuts windows into pieces', () => {
    const blocked = [exception({ times: ['10:00', '10:30'] }), exception({ times: ['15:00', '19:00'] })];
    expect(shown(blocked, 1)).toEqual(['09:00:00-10:00:00', '10:30:00-13:00:00', '14:00:00-15:00:00']);
    expect(shown([exception({ times: ['14:30', '15:00'], centreId: 2 })], 1)).toEqual([
      '09:00:00-13:00:00',
      '14:00:00-18:00:00',
    ]);
  });

  it('special hours replace the weekly windows of that date only, at matching centres', () => {
    const special = [
      exception({ isAvailable: true, times: ['07:00', '08:00'], centreId: 2 }),
      exception({ isAvailable: true, times: ['19:00', '21:00'], centreId: 2 }),
    ];
    expect(shown(special, 2)).toEqual(['07:00:00-08:00:00', '19:00:00-21:00:00']);
    expect(shown(special, 1)).toEqual(['09:00:00-13:00:00', '14:00:00-18:00:00']);
    expect(shown(special, 2, monday.addDays(7))).toEqual(['09:00:00-13:00:00', '14:00:00-16:00:00']);
  });

  it('special hours open a day with no weekly rule, and blocks apply to them too', () => {
    const sunday = monday.addDays(6);
    const list = [
      exception({ date: sunday, isAvailable: true, times: ['10:00', '14:00'] }),
      exception({ date: sunday, times: ['12:00', '12:30'], centreId: 1 }),
    ];
    expect(shown(list, 1, sunday)).toEqual(['10:00:00-12:00:00', '12:30:00-14:00:00']);
    expect(shown(list, 2, sunday)).toEqual(['10:00:00-14:00:00']);
  });
});
