import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidValueError } from '../../../src/domain/shared/domain-error.js';
import { DAYS_OF_WEEK, type DayOfWeek } from '../../../src/domain/scheduling/day-of-week.js';
import { TimeOfDay } from '../../../src/domain/scheduling/time-of-day.js';
import {
  WeeklyAvailability,
  type AvailabilityRule,
} from '../../../src/domain/scheduling/weekly-availability.js';
import { anyRule, keepValid, rule, shuffled } from './arbitraries.js';

const shown = (windows: ReturnType<WeeklyAvailability['windowsOn']>) =>
  windows.map((w) => `${w.start.toString()}-${w.end.toString()}`);

describe('WeeklyAvailability', () => {
  it('keeps several windows a day; the break between them is a gap', () => {
    const week = WeeklyAvailability.of([
      rule('MONDAY', '14:00', '17:00'),
      rule('MONDAY', '09:00', '13:00'),
      rule('TUESDAY', '10:00', '12:00'),
    ]);
    expect(shown(week.windowsOn('MONDAY', null))).toEqual(['09:00:00-13:00:00', '14:00:00-17:00:00']);
    expect(shown(week.windowsOn('TUESDAY', 1))).toEqual(['10:00:00-12:00:00']);
    expect(week.windowsOn('SUNDAY', null)).toEqual([]);
  });

  it('lets windows touch end to start', () => {
    const week = WeeklyAvailability.of([rule('MONDAY', '09:00', '12:00'), rule('MONDAY', '12:00', '15:00')]);
    expect(week.windowsOn('MONDAY', null)).toHaveLength(2);
  });

  it('refuses a rule that ends at or before it starts', () => {
    expect(() => WeeklyAvailability.of([rule('MONDAY', '10:00', '10:00')])).toThrow(InvalidValueError);
    expect(() => WeeklyAvailability.of([rule('MONDAY', '10:00', '09:00', { isAvailable: false })])).toThrow(
      expect.objectContaining({ details: { availabilityRules: expect.stringContaining('end after') } }),
    );
  });

  it('refuses overlapping available rules that could hold at one centre', () => {
    const refused: AvailabilityRule[][] = [
      [rule('MONDAY', '09:00', '12:00'), rule('MONDAY', '11:00', '13:00')],
      [rule('MONDAY', '09:00', '12:00', { centreId: 1 }), rule('MONDAY', '10:00', '11:00', { centreId: 1 })],
      [rule('MONDAY', '09:00', '12:00', { centreId: 1 }), rule('MONDAY', '11:59', '13:00')],
    ];
    for (const rules of refused) {
      expect(() => WeeklyAvailability.of(rules)).toThrow(
        expect.objectContaining({ details: { availabilityRules: expect.stringContaining('overlap') } }),
      );
    }
  });

  it('accepts overlaps on different days, at different centres, or with an unavailable rule', () => {
    const week = WeeklyAvailability.of([
      rule('MONDAY', '09:00', '12:00', { centreId: 1 }),
      rule('MONDAY', '10:00', '13:00', { centreId: 2 }),
      rule('TUESDAY', '10:00', '13:00', { centreId: 1 }),
      rule('MONDAY', '09:30', '10:30', { centreId: 1, isAvailable: false }),
    ]);
    expect(week.rules).toHaveLength(4);
    expect(shown(week.windowsOn('MONDAY', 1))).toEqual(['09:00:00-12:00:00']);
    expect(shown(week.windowsOn('MONDAY', 2))).toEqual(['10:00:00-13:00:00']);
    expect(shown(week.windowsOn('MONDAY', null))).toEqual(['09:00:00-12:00:00', '10:00:00-13:00:00']);
    expect(week.windowsOn('MONDAY', 3)).toEqual([]);
  });

  it('gives a centre its own windows and the all-centre ones', () => {
    const week = WeeklyAvailability.of([
      rule('FRIDAY', '09:00', '11:00'),
      rule('FRIDAY', '11:00', '13:00', { centreId: 1 }),
      rule('FRIDAY', '14:00', '16:00', { centreId: 2 }),
    ]);
    expect(shown(week.windowsOn('FRIDAY', 1))).toEqual(['09:00:00-11:00:00', '11:00:00-13:00:00']);
    expect(shown(week.windowsOn('FRIDAY', 2))).toEqual(['09:00:00-11:00:00', '14:00:00-16:00:00']);
  });

  it('keeps unavailable rules but gives them no window', () => {
    const off = rule('MONDAY', '09:00', '17:00', { isAvailable: false });
    const week = WeeklyAvailability.of([off]);
    expect(week.rules).toEqual([off]);
    expect(week.windowsOn('MONDAY', null)).toEqual([]);
  });

  it('is not changed by later edits to the array it was given', () => {
    const rules = [rule('MONDAY', '09:00', '10:00')];
    const week = WeeklyAvailability.of(rules);
    rules.push(rule('MONDAY', '09:30', '11:00'));
    expect(week.rules).toHaveLength(1);
  });

  it('property: an accepted set never yields overlapping windows for a day and a centre, in any order', () => {
    fc.assert(
      fc.property(
        fc.array(anyRule(), { maxLength: 16 }).chain((candidates) => {
          const valid = keepValid(candidates, (list) => WeeklyAvailability.of(list));
          return fc.tuple(fc.constant(valid), shuffled(valid));
        }),
        ([rules, reordered]) => {
          const week = WeeklyAvailability.of(rules);
          for (const day of DAYS_OF_WEEK) {
            for (const centre of [1, 2, 3]) {
              const windows = week.windowsOn(day, centre);
              windows
                .slice(1)
                .forEach((w, i) => expect(w.start.compare(windows[i]!.end)).toBeGreaterThanOrEqual(0));
            }
            for (const centre of [null, 1, 2]) {
              expect(WeeklyAvailability.of(reordered).windowsOn(day, centre)).toEqual(
                week.windowsOn(day, centre),
              );
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('property: a set is refused exactly when some minute of some day is offered twice at one centre', () => {
    const minutesTwiceAtOneCentre = (rules: AvailabilityRule[], day: DayOfWeek) =>
      [1, 2].some((centre) => {
        const count = new Array<number>(1440).fill(0);
        for (const r of rules) {
          if (!r.isAvailable || r.dayOfWeek !== day || (r.centreId !== null && r.centreId !== centre))
            continue;
          for (let m = r.startTime.minutes; m < r.endTime.minutes; m += 1) count[m]! += 1;
        }
        return count.some((n) => n > 1);
      });
    fc.assert(
      fc.property(fc.array(anyRule(fc.constantFrom('MONDAY', 'TUESDAY')), { maxLength: 6 }), (rules) => {
        const conflict = DAYS_OF_WEEK.some((day) => minutesTwiceAtOneCentre(rules, day));
        if (conflict) expect(() => WeeklyAvailability.of(rules)).toThrow(InvalidValueError);
        else expect(WeeklyAvailability.of(rules).rules).toHaveLength(rules.length);
      }),
      { numRuns: 200 },
    );
  });

  it('property: adding an available rule that overlaps an available one at a shared centre is refused', () => {
    fc.assert(
      fc.property(
        fc.array(anyRule(), { minLength: 1, maxLength: 10 }),
        fc.nat(),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.boolean(),
        (candidates, pick, fraction, everyCentre) => {
          const valid = keepValid(candidates, (list) => WeeklyAvailability.of(list));
          const available = valid.filter((r) => r.isAvailable);
          fc.pre(available.length > 0);
          const target = available[pick % available.length]!;
          // A rule from somewhere inside the target to its end always shares at least one minute.
          const span = target.endTime.minutes - target.startTime.minutes;
          const start = target.startTime.minutes + Math.floor(fraction * span);
          const clashing: AvailabilityRule = {
            ...target,
            startTime: TimeOfDay.fromMinutes(start),
            centreId: everyCentre ? null : target.centreId,
          };
          for (const position of [0, valid.length]) {
            const rules = [...valid];
            rules.splice(position, 0, clashing);
            expect(() => WeeklyAvailability.of(rules)).toThrow(InvalidValueError);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
