import {
  cancelledEvent,
  confirmedEvent,
  rescheduledEvent,
  type AppointmentEvent,
  type PendingAppointmentEvent,
} from './appointment-events.js';
import {
  reinstatedEntry,
  rescheduledEntry,
  statusEntry,
  timeRange,
  type ActorRef,
  type HistoryEntry,
} from './appointment-history.js';
import { checkFeeDue, checkPaid, isFeeDue, paymentFails, paymentRefunds } from './appointment-payment.js';
import { checkHoldExpired, checkPatientCancel, checkStaffCancel } from './appointment-cancellation.js';
import { checkReschedule, ms, refused } from './appointment-rules.js';
import {
  InvalidStateTransitionError,
  isAllowedTransition,
  PAYMENT_TIMEOUT,
  type AppointmentStatus,
  type PaymentStatus,
  type SessionType,
  type TransitionRoute,
} from './appointment-status.js';
import { openingOf, type BookingRequest } from './booking-request.js';
import { PendingEvents } from './pending-events.js';

export type { BookingRequest } from './booking-request.js';

/** A session booked with a clinician; its status changes only along the table in appointment-status. */
export class Appointment {
  id!: number;
  patientId!: number;
  clinicianId!: number;
  centreId!: number;
  startAt!: Date;
  endAt!: Date;
  sessionType!: SessionType;
  status!: AppointmentStatus;
  feePaise!: number;
  feeSetBy!: number | null;
  /** Changed only along the rules in appointment-payment. */
  paymentStatus!: PaymentStatus;
  /** The provider's order (patients' bookings) or payment link (staff bookings) the fee is paid through. */
  paymentOrderId!: string | null;
  paymentLinkId!: string | null;
  paymentLinkUrl!: string | null;
  holdExpiresAt!: Date | null;
  notes!: string | null;
  cancellationReason!: string | null;
  cancelledAt!: Date | null;
  cancelledBy!: ActorRef | null;
  history!: HistoryEntry[];
  createdBy!: ActorRef;
  createdAt!: Date;
  updatedAt!: Date;

  /** Not persisted; created on first use because loaded entities never run field initialisers. */
  private pendingEvents?: PendingEvents<PendingAppointmentEvent>;

  private constructor() {}

  static book(request: BookingRequest, now: Date): Appointment {
    const a = Object.assign(new Appointment(), openingOf(request, now));
    const holdExpiresAt = a.holdExpiresAt?.toISOString() ?? null;
    a.record({ type: 'AppointmentBooked', startAt: a.startAt.toISOString(), holdExpiresAt });
    if (a.status === 'CONFIRMED') a.record(confirmedEvent(a));
    return a;
  }

  /** The events recorded since the last pull, stamped with the id the appointment has by now. */
  pullEvents(): AppointmentEvent[] {
    const events = this.pendingEvents?.pull() ?? [];
    return events.map((e) => ({ ...e, appointmentId: this.id }) as AppointmentEvent);
  }

  attachPaymentOrder(orderId: string, now: Date): void {
    checkFeeDue(this.paymentStatus);
    this.paymentOrderId = orderId;
    this.updatedAt = now;
  }

  attachPaymentLink(linkId: string, url: string, now: Date): void {
    checkFeeDue(this.paymentStatus);
    this.paymentLinkId = linkId;
    this.paymentLinkUrl = url;
    this.updatedAt = now;
  }

  reviseNotes(notes: string | null, now: Date): void {
    this.notes = notes;
    this.updatedAt = now;
  }

  confirm(by: ActorRef, now: Date): void {
    this.assertMove('CONFIRMED');
    this.move('CONFIRMED', by, now);
    this.holdExpiresAt = null;
  }

  complete(by: ActorRef, now: Date): void {
    this.closeSession('COMPLETED', by, now);
  }

  markNoShow(by: ActorRef, now: Date): void {
    this.closeSession('NO_SHOW', by, now);
  }

  /** Staff may cancel any time before the session starts. */
  cancel(reason: string | null, by: ActorRef, now: Date): void {
    checkStaffCancel(this, reason, now);
    this.recordCancellation(reason, by, now);
  }

  /** A patient may cancel their own appointment until `cutoffHours` before it starts. */
  cancelByPatient(reason: string | null, patientId: number, now: Date, cutoffHours: number): void {
    checkPatientCancel(this, reason, patientId, now, cutoffHours);
    this.recordCancellation(reason, `patient:${patientId}`, now);
  }

  /** The system lets an unpaid hold go once it has run out, whenever that is noticed. */
  expireHold(now: Date): void {
    checkHoldExpired(this, now);
    this.recordCancellation(PAYMENT_TIMEOUT, 'system', now);
  }

  /** The caller checks that the new time is an open slot; the database refuses an overlap anyway. */
  reschedule(startAt: Date, endAt: Date, by: ActorRef, now: Date): void {
    checkReschedule(this.status, this.startAt, startAt, endAt, now);
    if (ms(startAt) === ms(this.startAt) && ms(endAt) === ms(this.endAt)) return;
    const from = timeRange(this.startAt, this.endAt);
    this.history = [...this.history, rescheduledEntry(from, timeRange(startAt, endAt), by, now)];
    const previousStartAt = this.startAt;
    this.startAt = startAt;
    this.endAt = endAt;
    if (this.holdExpiresAt && ms(this.holdExpiresAt) > ms(startAt)) this.holdExpiresAt = startAt;
    this.updatedAt = now;
    this.record(rescheduledEvent(previousStartAt, this));
  }

  /** A payment captured after the hold timed out; the database refuses it if the slot was taken since. */
  reinstateAfterLatePayment(by: ActorRef, now: Date): void {
    this.assertMove('CONFIRMED', 'reinstatement');
    if (ms(now) >= ms(this.startAt)) throw refused(this.status, 'CONFIRMED', 'The session has started');
    // Money already given back (or never due) cannot bring the appointment back.
    if (!isFeeDue(this.paymentStatus)) {
      throw refused(this.paymentStatus, 'PAID', 'No payment is due for this appointment');
    }
    this.history = [...this.history, reinstatedEntry(this.cancelledAt, this.cancelledBy, by, now)];
    this.status = 'CONFIRMED';
    this.paymentStatus = 'PAID';
    this.holdExpiresAt = null;
    this.cancellationReason = null;
    this.cancelledAt = null;
    this.cancelledBy = null;
    this.updatedAt = now;
    this.record(confirmedEvent(this));
  }

  /** Whether the fee is still to be paid (nothing paid yet, or the last attempt failed). */
  feeDue(): boolean {
    return isFeeDue(this.paymentStatus);
  }

  /** Payment captured: a pending appointment is confirmed by it. */
  markPaid(now: Date): void {
    checkPaid(this.status, this.paymentStatus);
    if (this.status === 'PENDING') this.move('CONFIRMED', 'system', now);
    this.paymentStatus = 'PAID';
    this.holdExpiresAt = null;
    this.updatedAt = now;
  }

  /** A payment attempt failed; the fee stays due and the patient may try again. */
  markPaymentFailed(now: Date): void {
    if (!paymentFails(this.paymentStatus)) return;
    this.paymentStatus = 'FAILED';
    this.updatedAt = now;
  }

  /** The provider took the refund: the appointment shows where its money is. */
  markRefunded(now: Date): void {
    if (!paymentRefunds(this.status, this.paymentStatus)) return;
    this.paymentStatus = 'REFUNDED';
    this.updatedAt = now;
  }

  /** Whether this appointment takes its time away from other bookings at `now`. */
  holdsSlot(now: Date): boolean {
    if (this.status === 'PENDING') return this.holdExpiresAt === null || ms(this.holdExpiresAt) > ms(now);
    return this.status !== 'CANCELLED';
  }

  /** Half-open intervals: a session ending at 11:00 does not overlap one starting at 11:00. */
  overlaps(startAt: Date, endAt: Date): boolean {
    return ms(this.startAt) < ms(endAt) && ms(startAt) < ms(this.endAt);
  }

  private closeSession(to: 'COMPLETED' | 'NO_SHOW', by: ActorRef, now: Date): void {
    this.assertMove(to);
    if (ms(now) < ms(this.startAt)) throw refused(this.status, to, 'The session has not started yet');
    this.move(to, by, now);
  }

  private assertMove(to: AppointmentStatus, route: TransitionRoute = 'ordinary'): void {
    if (!isAllowedTransition(this.status, to, route, this.cancellationReason)) {
      throw new InvalidStateTransitionError(this.status, to);
    }
  }

  private recordCancellation(reason: string | null, by: ActorRef, now: Date): void {
    this.move('CANCELLED', by, now, reason);
    this.cancellationReason = reason;
    this.cancelledAt = now;
    this.cancelledBy = by;
    this.record(cancelledEvent(this));
  }

  private move(to: AppointmentStatus, by: ActorRef, now: Date, reason?: string | null): void {
    this.history = [...this.history, statusEntry(this.status, to, by, now, reason)];
    this.status = to;
    this.updatedAt = now;
    if (to === 'CONFIRMED') this.record(confirmedEvent(this));
  }

  private record(event: PendingAppointmentEvent): void {
    (this.pendingEvents ??= new PendingEvents()).record(event);
  }
}
