import { InvalidValueError } from '../shared/domain-error.js';
import type { ActorRef } from './appointment-history.js';
import { checkFee, checkTimes, ms } from './appointment-rules.js';
import type { SessionType } from './appointment-status.js';
import type { Appointment } from './appointment.js';

export interface BookingRequest {
  patientId: number;
  clinicianId: number;
  centreId: number;
  startAt: Date;
  endAt: Date;
  sessionType: SessionType;
  /** Integer paise; 0 confirms at once with payment WAIVED. */
  feePaise: number;
  /** The staff user who set a concession fee, or null when the fee is the clinician's own. */
  feeSetBy: number | null;
  /** Until when an unpaid booking holds its slot; capped at the start, ignored for a zero fee. */
  holdExpiresAt: Date;
  notes: string | null;
  createdBy: ActorRef;
}

type Fields<T> = { [K in keyof T as T[K] extends (...args: never[]) => unknown ? never : K]: T[K] };

/** Every persisted field of a new appointment but its id (the database gives that). */
export type OpeningState = Omit<Fields<Appointment>, 'id'>;

/** A new booking's first state: a zero fee is confirmed at once, any other holds its slot until paid. */
export function openingOf(request: BookingRequest, now: Date): OpeningState {
  checkTimes(request.startAt, request.endAt, now);
  checkFee(request.feePaise);
  const waived = request.feePaise === 0;
  if (!waived && !(ms(request.holdExpiresAt) > ms(now))) {
    throw new InvalidValueError('holdExpiresAt', 'must be in the future');
  }
  return {
    patientId: request.patientId,
    clinicianId: request.clinicianId,
    centreId: request.centreId,
    startAt: request.startAt,
    endAt: request.endAt,
    sessionType: request.sessionType,
    status: waived ? 'CONFIRMED' : 'PENDING',
    feePaise: request.feePaise,
    feeSetBy: request.feeSetBy,
    paymentStatus: waived ? 'WAIVED' : 'PENDING',
    paymentOrderId: null,
    paymentLinkId: null,
    paymentLinkUrl: null,
    holdExpiresAt: waived ? null : new Date(Math.min(ms(request.holdExpiresAt), ms(request.startAt))),
    notes: request.notes,
    cancellationReason: null,
    cancelledAt: null,
    cancelledBy: null,
    history: [],
    createdBy: request.createdBy,
    createdAt: now,
    updatedAt: now,
  };
}
