import type { AppointmentStatus, PaymentStatus, SessionType } from './appointment-status.js';

/**
 * What happened to an appointment, for the other contexts to react to (messages, video, billing).
 * Plain JSON: the events travel through the outbox. Times are ISO instants.
 */
export type AppointmentEvent =
  | {
      type: 'AppointmentBooked';
      appointmentId: number;
      startAt: string;
      /** Null when nothing is held (a zero fee confirms at once). */
      holdExpiresAt: string | null;
    }
  | { type: 'AppointmentConfirmed'; appointmentId: number; startAt: string; sessionType: SessionType }
  | {
      type: 'AppointmentRescheduled';
      appointmentId: number;
      previousStartAt: string;
      startAt: string;
      endAt: string;
      status: AppointmentStatus;
      sessionType: SessionType;
    }
  | {
      type: 'AppointmentCancelled';
      appointmentId: number;
      startAt: string;
      reason: string | null;
      paymentStatus: PaymentStatus;
      sessionType: SessionType;
    };

type WithoutId<E> = E extends unknown ? Omit<E, 'appointmentId'> : never;

/** An event recorded before the appointment has its id (a new booking gets it when saved). */
export type PendingAppointmentEvent = WithoutId<AppointmentEvent>;

interface EventSource {
  startAt: Date;
  endAt: Date;
  sessionType: SessionType;
  status: AppointmentStatus;
  paymentStatus: PaymentStatus;
  cancellationReason: string | null;
}

export function confirmedEvent(a: EventSource): PendingAppointmentEvent {
  return { type: 'AppointmentConfirmed', startAt: a.startAt.toISOString(), sessionType: a.sessionType };
}

export function cancelledEvent(a: EventSource): PendingAppointmentEvent {
  return {
    type: 'AppointmentCancelled',
    startAt: a.startAt.toISOString(),
    reason: a.cancellationReason,
    paymentStatus: a.paymentStatus,
    sessionType: a.sessionType,
  };
}

/** Recorded after the move, so `a` carries the new time. */
export function rescheduledEvent(previousStartAt: Date, a: EventSource): PendingAppointmentEvent {
  return {
    type: 'AppointmentRescheduled',
    previousStartAt: previousStartAt.toISOString(),
    startAt: a.startAt.toISOString(),
    endAt: a.endAt.toISOString(),
    status: a.status,
    sessionType: a.sessionType,
  };
}
