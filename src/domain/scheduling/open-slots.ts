import { InvalidValueError } from '../shared/domain-error.js';
import type { DateException } from './date-exception.js';
import { windowsOnDate } from './day-windows.js';
import type { LocalDate } from './local-date.js';
import { TimeOfDay } from './time-of-day.js';
import { wallTimeResolver } from './time-zone.js';
import type { WeeklyAvailability } from './weekly-availability.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

export interface SlotQuery {
  date: LocalDate;
  zone: string;
  durationMinutes: number;
  availability: WeeklyAvailability;
  exceptions: readonly DateException[];
  centreId: number | null;
  /** Time already held or booked, [start, end). */
  taken: ReadonlyArray<{ start: Date; end: Date }>;
  now: Date;
  noticeMinutes: number;
  horizonDays: number;
}

/** A bookable interval: on the grid of a window of its date, at its local `time`. */
export interface Slot {
  start: Date;
  end: Date;
  time: TimeOfDay;
  available: boolean;
}

export function checkSlotDuration(minutes: number, field = 'durationMinutes'): void {
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480 || minutes % 5 !== 0) {
    throw new InvalidValueError(field, 'Must be 5 to 480 minutes, in steps of 5');
  }
}

/**
 * Every grid slot of the date, open or not. Wall times that do not exist in the zone are never
 * offered; a slot across a DST change lasts its real duration (end = start + duration).
 */
export function slotsOn(query: SlotQuery): Slot[] {
  const duration = query.durationMinutes;
  checkSlotDuration(duration);
  const resolve = wallTimeResolver(query.date, query.zone);
  const earliest = query.now.getTime() + query.noticeMinutes * MS_PER_MINUTE;
  const horizon = query.now.getTime() + query.horizonDays * MS_PER_DAY;
  const isFree = (start: number, end: number) =>
    !query.taken.some((t) => start < t.end.getTime() && t.start.getTime() < end);

  const slots = new Map<number, Slot>();
  for (const window of windowsOnDate(query.availability, query.exceptions, query.date, query.centreId)) {
    for (let m = window.start.minutes; m + duration <= window.end.minutes; m += duration) {
      const time = TimeOfDay.fromMinutes(m);
      const start = resolve(time)?.getTime();
      const wallEnd =
        m + duration === TimeOfDay.endOfDay.minutes
          ? TimeOfDay.endOfDay
          : TimeOfDay.fromMinutes(m + duration);
      if (start === undefined || slots.has(start) || resolve(wallEnd) === undefined) continue;
      const end = start + duration * MS_PER_MINUTE;
      const available = start >= earliest && start < horizon && isFree(start, end);
      slots.set(start, { start: new Date(start), end: new Date(end), time, available });
    }
  }
  return [...slots.values()].sort((a, b) => a.start.getTime() - b.start.getTime());
}

export function openSlots(query: SlotQuery): Slot[] {
  return slotsOn(query).filter((slot) => slot.available);
}

/** The open slot that starts exactly at `start`, if any: what booking and rescheduling accept. */
export function findOpenSlot(query: SlotQuery, start: Date): Slot | undefined {
  return openSlots(query).find((slot) => slot.start.getTime() === start.getTime());
}
