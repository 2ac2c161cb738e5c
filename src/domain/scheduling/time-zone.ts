import { InvalidValueError } from '../shared/domain-error.js';
import { LocalDate } from './local-date.js';
import { TimeOfDay } from './time-of-day.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
  // Offsets such as "+05:30" are not IANA zones, and only some Node versions accept them.
  if (zone.trim() === '' || /^[+-]/.test(zone)) return undefined;
  let formatter = formatters.get(zone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone: zone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      return undefined;
    }
    formatters.set(zone, formatter);
  }
  return formatter;
}

function requireFormatter(zone: string): Intl.DateTimeFormat {
  const formatter = formatterFor(zone);
  if (formatter === undefined) throw new InvalidValueError('timezone', `Unknown time zone: ${zone}`);
  return formatter;
}

export function isValidTimeZone(zone: string): boolean {
  return formatterFor(zone) !== undefined;
}

interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallFields(instantMs: number, zone: string): WallFields {
  const fields: WallFields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of requireFormatter(zone).formatToParts(instantMs)) {
    if (part.type in fields) fields[part.type as keyof WallFields] = Number(part.value);
  }
  return fields;
}

/** The wall clock minus UTC at that instant, in ms (e.g. +5:30 for Asia/Kolkata). */
function offsetAt(instantMs: number, zone: string): number {
  const whole = Math.floor(instantMs / 1000) * 1000;
  const f = wallFields(whole, zone);
  const wall = LocalDate.of(f.year, f.month, f.day).epochDay() * MS_PER_DAY;
  return wall + ((f.hour * 60 + f.minute) * 60 + f.second) * 1000 - whole;
}

/** Wall-clock ms as if the zone were UTC: the date's midnight plus the minutes. */
function wallMs(date: LocalDate, minutes: number): number {
  return date.epochDay() * MS_PER_DAY + minutes * MS_PER_MINUTE;
}

/**
 * Resolves wall times of one local date to instants. Zones change offset at most once around a
 * day, so the offsets a day before and two days after are the only candidates; when they agree
 * (nearly every day), no further Intl call is needed.
 */
export function wallTimeResolver(date: LocalDate, zone: string): (time: TimeOfDay) => Date | undefined {
  const midnight = wallMs(date, 0);
  const before = offsetAt(midnight - MS_PER_DAY, zone);
  const after = offsetAt(midnight + 2 * MS_PER_DAY, zone);
  if (before === after) return (time) => new Date(wallMs(date, time.minutes) - before);
  return (time) => {
    const wall = wallMs(date, time.minutes);
    // Each candidate instant is kept only if the zone really shows that wall time there; a gap
    // leaves none, a repeated hour leaves two and the earlier wins.
    const instants = [before, after]
      .map((offset) => wall - offset)
      .filter((instant) => offsetAt(instant, zone) === wall - instant)
      .sort((a, b) => a - b);
    return instants[0] === undefined ? undefined : new Date(instants[0]);
  };
}

export function zonedInstant(date: LocalDate, time: TimeOfDay, zone: string): Date | undefined {
  return wallTimeResolver(date, zone)(time);
}

export function wallClockOf(
  instant: Date,
  zone: string,
): { date: LocalDate; time: TimeOfDay; seconds: number } {
  const f = wallFields(Math.floor(instant.getTime() / 1000) * 1000, zone);
  return {
    date: LocalDate.of(f.year, f.month, f.day),
    time: TimeOfDay.fromMinutes(f.hour * 60 + f.minute),
    seconds: f.second,
  };
}
