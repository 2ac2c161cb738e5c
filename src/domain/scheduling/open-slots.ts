import { InvalidValueError } from '../shared/domain-error.js';
import type { DateException } from './date-exception.js';
import { windowsOnDate } from './day-windows.js';
import type { LocalDate } from './local-date.js';
import { TimeOfDay } from './time-of-day.js';
import { wallTimeResolver } from './time-zone.js';
import type { WeeklyAvailability } from './weekly-availability.js';

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;

/** What fixes a date's slot grid: the same for every caller and every moment. */
export interface SlotGridQuery {
  date: LocalDate;
  zone: string;
  durationMinutes: number;
  availability: WeeklyAvailability;
  exceptions: readonly DateException[];
  centreId: number | null;
}

/** What decides which grid slots are open now. */
export interface SlotOpenness {
  /** Time already held or booked, [start, end). */
  taken: ReadonlyArray<{ start: Date; end: Date }>;
  now: Date;
  noticeMinutes: number;
  horizonDays: number;
}

export interface SlotQuery extends SlotGridQuery, SlotOpenness {}

/** A place on a date's grid, in epoch ms: open or not depends on the moment (see `markOpen`). */
export interface GridSlot {
  readonly startMs: number;
  readonly endMs: number;
  readonly time: TimeOfDay;
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
 * The date's grid, sorted by start. Wall times that do not exist in the zone are never offered; a
 * slot across a DST change lasts its real duration (end = start + duration).
 */
export function slotGrid(query: SlotGridQuery): GridSlot[] {
  const duration = query.durationMinutes;
  checkSlotDuration(duration);
  const resolve = wallTimeResolver(query.date, query.zone);
  const grid = new Map<number, GridSlot>();
  for (const window of windowsOnDate(query.availability, query.exceptions, query.date, query.centreId)) {
    for (let m = window.start.minutes; m + duration <= window.end.minutes; m += duration) {
      const time = TimeOfDay.fromMinutes(m);
      const start = resolve(time)?.getTime();
      const wallEnd =
        m + duration === TimeOfDay.endOfDay.minutes
          ? TimeOfDay.endOfDay
          : TimeOfDay.fromMinutes(m + duration);
      if (start === undefined || grid.has(start) || resolve(wallEnd) === undefined) continue;
      grid.set(start, { startMs: start, endMs: start + duration * MS_PER_MINUTE, time });
    }
  }
  return [...grid.values()].sort((a, b) => a.startMs - b.startMs);
}

/** Each grid slot open or not at `now`: past the notice, inside the horizon, clear of taken time. */
export function markOpen(grid: readonly GridSlot[], openness: SlotOpenness): Slot[] {
  const earliest = openness.now.getTime() + openness.noticeMinutes * MS_PER_MINUTE;
  const horizon = openness.now.getTime() + openness.horizonDays * MS_PER_DAY;
  const taken = openness.taken;
  return grid.map(({ startMs, endMs, time }) => {
    let available = startMs >= earliest && startMs < horizon;
    for (let i = 0; available && i < taken.length; i += 1) {
      const t = taken[i]!;
      if (startMs < t.end.getTime() && t.start.getTime() < endMs) available = false;
    }
    return { start: new Date(startMs), end: new Date(endMs), time, available };
  });
}

/** Every grid slot of the date, open or not. */
export function slotsOn(query: SlotQuery): Slot[] {
  return markOpen(slotGrid(query), query);
}

export function openSlots(query: SlotQuery): Slot[] {
  return slotsOn(query).filter((slot) => slot.available);
}

/** The open slot that starts exactly at `start`, if any: what booking and rescheduling accept. */
export function findOpenSlot(query: SlotQuery, start: Date): Slot | undefined {
  return openSlots(query).find((slot) => slot.start.getTime() === start.getTime());
}
