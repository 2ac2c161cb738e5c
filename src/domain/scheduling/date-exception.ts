import { InvalidValueError } from '../shared/domain-error.js';
import type { LocalDate } from './local-date.js';
import { TimeOfDay } from './time-of-day.js';
import { centresMeet, windowsOverlap, type TimeWindow } from './weekly-availability.js';

/**
 * One date that departs from the weekly rules, for one centre or (centreId null) all of them:
 * - not available, no times: the whole day is off;
 * - not available, with times: that interval is blocked;
 * - available, with times: special hours, which replace the weekly windows of that date.
 */
export interface DateException {
  date: LocalDate;
  isAvailable: boolean;
  startTime: TimeOfDay | null;
  endTime: TimeOfDay | null;
  centreId: number | null;
  reason: string | null;
}

const WHOLE_DAY: TimeWindow = { start: TimeOfDay.fromMinutes(0), end: TimeOfDay.endOfDay };

/** The time an exception covers: its interval, or the whole day when it has none. */
export function exceptionWindow(exception: DateException): TimeWindow {
  const { startTime, endTime } = exception;
  return startTime !== null && endTime !== null ? { start: startTime, end: endTime } : WHOLE_DAY;
}

function checkOne(exception: DateException, label: string): void {
  const { startTime, endTime } = exception;
  if ((startTime === null) !== (endTime === null)) {
    throw new InvalidValueError('exceptions', `${label}: give both startTime and endTime, or neither`);
  }
  if (startTime !== null && endTime !== null && endTime.compare(startTime) <= 0) {
    throw new InvalidValueError('exceptions', `${label}: must end after it starts`);
  }
  if (exception.isAvailable && startTime === null) {
    throw new InvalidValueError('exceptions', `${label}: special hours need startTime and endTime`);
  }
}

export function checkExceptions(list: DateException[]): void {
  list.forEach((exception, index) => checkOne(exception, `Exception ${index + 1}`));
  list.forEach((exception, index) => {
    const clash = list.findIndex(
      (other, j) =>
        j > index &&
        exception.date.equals(other.date) &&
        centresMeet(exception.centreId, other.centreId) &&
        windowsOverlap(exceptionWindow(exception), exceptionWindow(other)),
    );
    if (clash !== -1) {
      throw new InvalidValueError(
        'exceptions',
        `Exceptions ${index + 1} and ${clash + 1} overlap on ${exception.date.toString()}`,
      );
    }
  });
}
