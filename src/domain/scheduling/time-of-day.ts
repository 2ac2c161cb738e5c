import { InvalidValueError } from '../shared/domain-error.js';

const WALL_TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;
const MINUTES_PER_DAY = 1440;

/** A wall-clock time to the minute. Availability and slots are kept in whole minutes. */
export class TimeOfDay {
  /** Midnight at the end of the day: a window may end there, nothing starts there. */
  static readonly endOfDay: TimeOfDay = new TimeOfDay(MINUTES_PER_DAY);

  private constructor(readonly minutes: number) {}

  static parse(text: string, field = 'time'): TimeOfDay {
    const match = WALL_TIME.exec(text);
    if (!match) throw new InvalidValueError(field, 'Must be a time in the form HH:MM or HH:MM:SS');
    const hours = Number(match[1]);
    const minutes = Number(match[2]);
    const seconds = match[3] === undefined ? 0 : Number(match[3]);
    if (hours > 23 || minutes > 59 || seconds > 59) {
      throw new InvalidValueError(field, 'Must be a time between 00:00 and 23:59');
    }
    if (seconds !== 0) throw new InvalidValueError(field, 'Must be a whole minute (seconds :00)');
    return new TimeOfDay(hours * 60 + minutes);
  }

  static fromMinutes(m: number, field = 'time'): TimeOfDay {
    if (!Number.isInteger(m) || m < 0 || m >= MINUTES_PER_DAY) {
      throw new InvalidValueError(field, 'Must be a whole number of minutes from 0 to 1439');
    }
    return new TimeOfDay(m);
  }

  compare(o: TimeOfDay): number {
    return this.minutes - o.minutes;
  }

  toString(): string {
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${pad(Math.floor(this.minutes / 60))}:${pad(this.minutes % 60)}:00`;
  }
}
