import { DomainError } from '../shared/domain-error.js';
import { beforeCutoff, checkReason, ms, refused } from './appointment-rules.js';
import {
  InvalidStateTransitionError,
  isAllowedTransition,
  type AppointmentStatus,
} from './appointment-status.js';

/** What decides whether an appointment may be cancelled now, and by whom. */
interface Cancellable {
  patientId: number;
  status: AppointmentStatus;
  startAt: Date;
  cancellationReason: string | null;
  holdsSlot(now: Date): boolean;
}

function checkMayCancel(a: Cancellable): void {
  if (!isAllowedTransition(a.status, 'CANCELLED', 'ordinary', a.cancellationReason)) {
    throw new InvalidStateTransitionError(a.status, 'CANCELLED');
  }
}

/** Staff may cancel any time before the session starts. */
export function checkStaffCancel(a: Cancellable, reason: string | null, now: Date): void {
  checkReason(reason);
  checkMayCancel(a);
  if (ms(now) >= ms(a.startAt)) throw refused(a.status, 'CANCELLED', 'The session has started');
}

/** A patient may cancel their own appointment until `cutoffHours` before it starts. */
export function checkPatientCancel(
  a: Cancellable,
  reason: string | null,
  patientId: number,
  now: Date,
  cutoffHours: number,
): void {
  // Another patient's appointment is not theirs to see, let alone cancel.
  if (patientId !== a.patientId) throw new DomainError('NOT_FOUND', 'Appointment not found');
  checkReason(reason);
  checkMayCancel(a);
  if (!beforeCutoff(a.startAt, now, cutoffHours)) {
    const why = `Appointments can be cancelled only up to ${cutoffHours} hours before they start`;
    throw refused(a.status, 'CANCELLED', why);
  }
}

/** The system lets an unpaid hold go once it has run out, whenever that is noticed. */
export function checkHoldExpired(a: Cancellable, now: Date): void {
  if (a.status !== 'PENDING' || a.holdsSlot(now)) {
    throw refused(a.status, 'CANCELLED', 'Only a pending appointment whose hold has expired times out');
  }
}
