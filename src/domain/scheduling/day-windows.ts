import { exceptionWindow, type DateException } from './date-exception.js';
import type { LocalDate } from './local-date.js';
import {
  byStart,
  centresMeet,
  windowsOverlap,
  type TimeWindow,
  type WeeklyAvailability,
} from './weekly-availability.js';

function cut(window: TimeWindow, block: TimeWindow): TimeWindow[] {
  if (!windowsOverlap(window, block)) return [window];
  const pieces: TimeWindow[] = [];
  if (window.start.compare(block.start) < 0) pieces.push({ start: window.start, end: block.start });
  if (block.end.compare(window.end) < 0) pieces.push({ start: block.end, end: window.end });
  return pieces;
}

/**
 * The windows of one date at `centreId` (null: any centre) once the date's exceptions are applied:
 * a day off leaves none, special hours replace the weekly windows, blocked intervals are cut out
 * (each remaining piece is a window of its own). Sorted by start.
 */
export function windowsOnDate(
  availability: WeeklyAvailability,
  exceptions: readonly DateException[],
  date: LocalDate,
  centreId: number | null,
): TimeWindow[] {
  const relevant = exceptions.filter((e) => e.date.equals(date) && centresMeet(e.centreId, centreId));
  const timed = relevant.filter((e) => e.startTime !== null && e.endTime !== null);
  if (relevant.some((e) => !e.isAvailable && !timed.includes(e))) return [];
  const special = timed.filter((e) => e.isAvailable).map(exceptionWindow);
  const blocks = timed.filter((e) => !e.isAvailable).map(exceptionWindow);
  const base = special.length > 0 ? special : availability.windowsOn(date.dayOfWeek(), centreId);
  return base
    .flatMap((window) => blocks.reduce((pieces, block) => pieces.flatMap((p) => cut(p, block)), [window]))
    .sort(byStart);
}
