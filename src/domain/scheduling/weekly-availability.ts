import { InvalidValueError } from '../shared/domain-error.js';
import { isDayOfWeek, type DayOfWeek } from './day-of-week.js';
import type { TimeOfDay } from './time-of-day.js';

export interface AvailabilityRule {
  dayOfWeek: DayOfWeek;
  startTime: TimeOfDay;
  endTime: TimeOfDay;
  isAvailable: boolean;
  /** null: the rule holds at every centre. */
  centreId: number | null;
}

export interface TimeWindow {
  start: TimeOfDay;
  end: TimeOfDay;
}

/** Two centre filters that could both hold at one centre: equal, or either of them "every centre". */
export function centresMeet(a: number | null, b: number | null): boolean {
  return a === null || b === null || a === b;
}

export function windowsOverlap(a: TimeWindow, b: TimeWindow): boolean {
  return a.start.compare(b.end) < 0 && b.start.compare(a.end) < 0;
}

export function byStart(a: TimeWindow, b: TimeWindow): number {
  return a.start.compare(b.start) || a.end.compare(b.end);
}

function windowOf(rule: AvailabilityRule): TimeWindow {
  return { start: rule.startTime, end: rule.endTime };
}

/**
 * A clinician's week: several windows a day (a break is the gap between two), each optionally tied
 * to one centre. Windows that could apply to the same centre never overlap, so no time is offered twice.
 */
export class WeeklyAvailability {
  private constructor(readonly rules: readonly AvailabilityRule[]) {}

  static of(rules: AvailabilityRule[]): WeeklyAvailability {
    rules.forEach((rule, index) => {
      if (!isDayOfWeek(rule.dayOfWeek)) {
        throw new InvalidValueError('availabilityRules', `Rule ${index + 1}: unknown day ${rule.dayOfWeek}`);
      }
      if (rule.endTime.compare(rule.startTime) <= 0) {
        throw new InvalidValueError('availabilityRules', `Rule ${index + 1}: must end after it starts`);
      }
    });
    rules.forEach((rule, index) => {
      const clash = rules.findIndex(
        (other, j) =>
          j > index &&
          rule.isAvailable &&
          other.isAvailable &&
          rule.dayOfWeek === other.dayOfWeek &&
          centresMeet(rule.centreId, other.centreId) &&
          windowsOverlap(windowOf(rule), windowOf(other)),
      );
      if (clash !== -1) {
        throw new InvalidValueError(
          'availabilityRules',
          `Rules ${index + 1} and ${clash + 1} overlap on ${rule.dayOfWeek}`,
        );
      }
    });
    return new WeeklyAvailability(Object.freeze(rules.map((rule) => Object.freeze({ ...rule }))));
  }

  /** The day's available windows that hold at `centreId` (null: at any centre), sorted by start. */
  windowsOn(day: DayOfWeek, centreId: number | null): Array<{ start: TimeOfDay; end: TimeOfDay }> {
    return this.rules
      .filter((rule) => rule.isAvailable && rule.dayOfWeek === day && centresMeet(rule.centreId, centreId))
      .map(windowOf)
      .sort(byStart);
  }
}
