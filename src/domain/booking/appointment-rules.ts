import { InvalidValueError } from '../shared/domain-error.js';
import { InvalidStateTransitionError, PAYMENT_TIMEOUT } from './appointment-status.js';

const HOUR_MS = 3_600_000;

export const ms = (date: Date): number => date.getTime();

/** A booked or rescheduled time: a real, non-empty interval that has not begun. */
export function checkTimes(startAt: Date, endAt: Date, now: Date): void {
  if (!(ms(endAt) > ms(startAt))) throw new InvalidValueError('endAt', 'must be after the start');
  if (!(ms(startAt) > ms(now))) throw new InvalidValueError('startAt', 'must be in the future');
}

export function checkFee(feePaise: number): void {
  if (!Number.isSafeInteger(feePaise) || feePaise < 0) {
    throw new InvalidValueError('consultationFee', 'must be zero or more, in whole paise');
  }
}

/** Only the system cancels for PAYMENT_TIMEOUT: that reason is what allows a later reinstatement. */
export function checkReason(reason: string | null): void {
  if (reason === PAYMENT_TIMEOUT) throw new InvalidValueError('reason', 'is reserved for the system');
}

/** Whether `now` is still before the patient's cancellation cut-off for a session at `startAt`. */
export function beforeCutoff(startAt: Date, now: Date, cutoffHours: number): boolean {
  return ms(now) <= ms(startAt) - Math.max(0, cutoffHours) * HOUR_MS;
}

export function refused(from: string, to: string, why: string): InvalidStateTransitionError {
  return new InvalidStateTransitionError(from, to, why);
}

/** Only a pending or confirmed session that has not started moves, and only to a real future interval. */
export function checkReschedule(
  status: string,
  currentStart: Date,
  startAt: Date,
  endAt: Date,
  now: Date,
): void {
  if (status !== 'PENDING' && status !== 'CONFIRMED') {
    throw refused(status, status, 'Only a pending or confirmed appointment can be rescheduled');
  }
  if (ms(now) >= ms(currentStart)) throw refused(status, status, 'The session has started');
  checkTimes(startAt, endAt, now);
}
