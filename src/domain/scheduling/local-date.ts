import { InvalidValueError } from '../shared/domain-error.js';
import { DAYS_OF_WEEK, type DayOfWeek } from './day-of-week.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A calendar date with no time zone, e.g. an appointment's date at its centre. */
export class LocalDate {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  static parse(text: string, field = 'date'): LocalDate {
    const match = ISO_DATE.exec(text);
    const date = match ? LocalDate.tryOf(Number(match[1]), Number(match[2]), Number(match[3])) : undefined;
    if (date === undefined) throw new InvalidValueError(field, 'Must be a real date in the form YYYY-MM-DD');
    return date;
  }

  static of(year: number, month: number, day: number, field = 'date'): LocalDate {
    const date = LocalDate.tryOf(year, month, day);
    if (date === undefined) throw new InvalidValueError(field, 'Must be a real date');
    return date;
  }

  /** The date whose midnight is `days` whole days after 1970-01-01. */
  static fromEpochDay(days: number): LocalDate {
    // setUTCFullYear rather than Date.UTC: Date.UTC maps years 0–99 to 1900–1999.
    const instant = new Date(days * MS_PER_DAY);
    return LocalDate.of(instant.getUTCFullYear(), instant.getUTCMonth() + 1, instant.getUTCDate());
  }

  private static tryOf(year: number, month: number, day: number): LocalDate | undefined {
    const valid =
      Number.isInteger(year) &&
      Number.isInteger(month) &&
      Number.isInteger(day) &&
      year >= 1 &&
      year <= 9999 &&
      month >= 1 &&
      month <= 12 &&
      day >= 1 &&
      day <= daysInMonth(year, month);
    return valid ? new LocalDate(year, month, day) : undefined;
  }

  /** Whole days since 1970-01-01 (negative before). */
  epochDay(): number {
    const instant = new Date(0);
    instant.setUTCFullYear(this.year, this.month - 1, this.day);
    return Math.round(instant.getTime() / MS_PER_DAY);
  }

  addDays(n: number): LocalDate {
    return LocalDate.fromEpochDay(this.epochDay() + n);
  }

  dayOfWeek(): DayOfWeek {
    // 1970-01-01 was a Thursday, index 3 in Monday-first order.
    const index = (((this.epochDay() + 3) % 7) + 7) % 7;
    return DAYS_OF_WEEK[index]!;
  }

  compare(other: LocalDate): number {
    return this.year - other.year || this.month - other.month || this.day - other.day;
  }

  equals(other: LocalDate): boolean {
    return this.compare(other) === 0;
  }

  toString(): string {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    return `${pad(this.year, 4)}-${pad(this.month, 2)}-${pad(this.day, 2)}`;
  }
}
