import { DomainError } from '../shared/domain-error.js';

export const APPOINTMENT_STATUSES = ['PENDING', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW'] as const;
export type AppointmentStatus = (typeof APPOINTMENT_STATUSES)[number];

export const PAYMENT_STATUSES = ['PENDING', 'PAID', 'FAILED', 'REFUNDED', 'WAIVED'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

export const SESSION_TYPES = ['ONLINE', 'IN_PERSON'] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

/** The statuses that hold a slot in the database's exclusion constraints (see the migration). */
export const ACTIVE_STATUSES: readonly AppointmentStatus[] = ['PENDING', 'CONFIRMED'];

/** The reason the system records when an unpaid hold runs out; reserved, so nobody else can set it. */
export const PAYMENT_TIMEOUT = 'PAYMENT_TIMEOUT';

/** Every ordinary status change an appointment may make. */
export const TRANSITIONS: Readonly<Record<AppointmentStatus, readonly AppointmentStatus[]>> = {
  PENDING: ['CONFIRMED', 'CANCELLED'],
  CONFIRMED: ['COMPLETED', 'CANCELLED', 'NO_SHOW'],
  COMPLETED: [],
  CANCELLED: [],
  NO_SHOW: [],
};

/**
 * CONTRACT.md's single exception to terminal states: a payment captured after its hold timed out
 * brings the appointment back (CANCELLED → CONFIRMED), and only from a PAYMENT_TIMEOUT cancellation.
 */
export const REINSTATEMENT = { from: 'CANCELLED', to: 'CONFIRMED', reason: PAYMENT_TIMEOUT } as const;

export type TransitionRoute = 'ordinary' | 'reinstatement';

export function isAllowedTransition(
  from: AppointmentStatus,
  to: AppointmentStatus,
  route: TransitionRoute,
  cancellationReason: string | null,
): boolean {
  if (route === 'reinstatement') {
    return (
      from === REINSTATEMENT.from && to === REINSTATEMENT.to && cancellationReason === REINSTATEMENT.reason
    );
  }
  return TRANSITIONS[from].includes(to);
}

export function isTerminal(status: AppointmentStatus): boolean {
  return TRANSITIONS[status].length === 0;
}

export class InvalidStateTransitionError extends DomainError {
  constructor(from: string, to: string, message = `Cannot change an appointment from ${from} to ${to}`) {
    super('INVALID_STATE_TRANSITION', message, { from, to });
  }
}
