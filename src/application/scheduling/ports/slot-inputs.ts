import type { StoredException, StoredRule } from '../../../domain/scheduling/clinician.js';
import type { LocalDate } from '../../../domain/scheduling/local-date.js';

/** Booked or held time: a pending booking's hold frees it at `heldUntil`; null means taken for good. */
export interface TakenInterval {
  start: Date;
  end: Date;
  heldUntil: Date | null;
}

/**
 * Everything one day's slot grid needs, read in one go (the public slots page is the busiest read).
 * Read-only: the same object may be handed out again to later requests (adapters may cache it).
 */
export interface SlotInputs {
  clinician: {
    id: number;
    bookable: boolean;
    primaryCentreId: number;
    consultationMinutes: number;
    availabilityRules: StoredRule[];
    exceptions: StoredException[];
  } | null;
  centre: { id: number; timezone: string; deleted: boolean; acceptsBookings: boolean } | null;
  /** Time that may overlap the date in any zone; holds already expired at `now` may be left out. */
  taken: readonly TakenInterval[];
}

export interface SlotInputsReads {
  /** `centreId` undefined means the clinician's primary centre. */
  load(clinicianId: number, centreId: number | undefined, date: LocalDate, now: Date): Promise<SlotInputs>;
}

/** A zone is at most 14 hours from UTC: this span covers a local date, wherever the centre is. */
const ZONE_MARGIN_MS = 14 * 3600_000;

/** The instants [from, to) a local date may cover in any zone: the taken time worth reading. */
export function reachOfDate(date: LocalDate): { from: Date; to: Date } {
  const midnightUtc = Date.UTC(date.year, date.month - 1, date.day);
  return {
    from: new Date(midnightUtc - ZONE_MARGIN_MS),
    to: new Date(midnightUtc + 24 * 3600_000 + ZONE_MARGIN_MS),
  };
}

/** Taken time as it stands at `now`: expired holds no longer count. */
export function takenAt(taken: readonly TakenInterval[], now: Date): TakenInterval[] {
  const at = now.getTime();
  return taken.filter((t) => t.heldUntil === null || t.heldUntil.getTime() > at);
}
