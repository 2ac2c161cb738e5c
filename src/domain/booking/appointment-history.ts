import type { AppointmentStatus } from './appointment-status.js';

/** Who did something: a staff user, a patient, or the system (jobs, expired holds, payments). */
export type ActorRef = `staff:${number}` | `patient:${number}` | 'system';

export interface TimeRange {
  startAt: string;
  endAt: string;
}

/** One line of an appointment's history; times are ISO strings so the list stores as plain JSON. */
export type HistoryEntry =
  | {
      kind: 'STATUS';
      from: AppointmentStatus;
      to: AppointmentStatus;
      at: string;
      by: ActorRef;
      reason?: string | null;
    }
  | { kind: 'RESCHEDULED'; from: TimeRange; to: TimeRange; at: string; by: ActorRef }
  | {
      kind: 'REINSTATED';
      from: 'CANCELLED';
      to: 'CONFIRMED';
      at: string;
      by: ActorRef;
      cancelledAt: string | null;
      cancelledBy: ActorRef | null;
    };

export function timeRange(startAt: Date, endAt: Date): TimeRange {
  return { startAt: startAt.toISOString(), endAt: endAt.toISOString() };
}

export function statusEntry(
  from: AppointmentStatus,
  to: AppointmentStatus,
  by: ActorRef,
  now: Date,
  reason?: string | null,
): HistoryEntry {
  const entry: HistoryEntry = { kind: 'STATUS', from, to, at: now.toISOString(), by };
  if (reason !== undefined) entry.reason = reason;
  return entry;
}

export function rescheduledEntry(from: TimeRange, to: TimeRange, by: ActorRef, now: Date): HistoryEntry {
  return { kind: 'RESCHEDULED', from, to, at: now.toISOString(), by };
}

export function reinstatedEntry(
  cancelledAt: Date | null,
  cancelledBy: ActorRef | null,
  by: ActorRef,
  now: Date,
): HistoryEntry {
  return {
    kind: 'REINSTATED',
    from: 'CANCELLED',
    to: 'CONFIRMED',
    at: now.toISOString(),
    by,
    cancelledAt: cancelledAt?.toISOString() ?? null,
    cancelledBy,
  };
}
