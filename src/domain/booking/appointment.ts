import { DomainError, InvalidValueError } from '../shared/domain-error.js';
import {
  reinstatedEntry,
  rescheduledEntry,
  statusEntry,
  timeRange,
  type ActorRef,
  type HistoryEntry,
} from './appointment-history.js';
import type { AppointmentEvent, PendingAppointmentEvent } from './appointment-events.js';
import { beforeCutoff, checkFee, checkReason, checkTimes, ms, refused } from './appointment-rules.js';
import {
  InvalidStateTransitionError,
  isAllowedTransition,
  PAYMENT_TIMEOUT,
  type AppointmentStatus,
  type PaymentStatus,
  type SessionType,
  type TransitionRoute,
} from './appointment-status.js';

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

  /** Not persisted; created lazily because loaded entities never run field initialisers. */
  private pendingEvents?: PendingAppointmentEvent[];

  private constructor() {}

  static book(request: BookingRequest, now: Date): Appointment {
    checkTimes(request.startAt, request.endAt, now);
    checkFee(request.feePaise);
    const waived = request.feePaise === 0;
    if (!waived && !(ms(request.holdExpiresAt) > ms(now))) {
      throw new InvalidValueError('holdExpiresAt', 'must be in the future');
    }
    const a = new Appointment();
    a.patientId = request.patientId;
    a.clinicianId = request.clinicianId;
    a.centreId = request.centreId;
    a.startAt = request.startAt;
    a.endAt = request.endAt;
    a.sessionType = request.sessionType;
    a.status = waived ? 'CONFIRMED' : 'PENDING';
    a.feePaise = request.feePaise;
    a.feeSetBy = request.feeSetBy;
    a.paymentStatus = waived ? 'WAIVED' : 'PENDING';
    a.paymentOrderId = null;
    a.paymentLinkId = null;
    a.paymentLinkUrl = null;
    a.holdExpiresAt = waived ? null : new Date(Math.min(ms(request.holdExpiresAt), ms(request.startAt)));
    a.notes = request.notes;
    a.cancellationReason = null;
    a.cancelledAt = null;
    a.cancelledBy = null;
    a.history = [];
    a.createdBy = request.createdBy;
    a.createdAt = now;
    a.updatedAt = now;
    a.recordEvent({
      type: 'AppointmentBooked',
      startAt: a.startAt.toISOString(),
      holdExpiresAt: a.holdExpiresAt?.toISOString() ?? null,
    });
    if (waived) a.recordConfirmed();
    return a;
  }

  /** The events recorded since the last pull, stamped with the id the appointment has by now. */
  pullEvents(): AppointmentEvent[] {
    const events = (this.pendingEvents ?? []).map(
      (e) => ({ ...e, appointmentId: this.id }) as AppointmentEvent,
    );
    this.pendingEvents = [];
    return events;
  }

  attachPaymentOrder(orderId: string, now: Date): void {
    this.assertFeeDue();
    this.paymentOrderId = orderId;
    this.updatedAt = now;
  }

  attachPaymentLink(linkId: string, url: string, now: Date): void {
    this.assertFeeDue();
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
    checkReason(reason);
    this.assertMove('CANCELLED');
    if (ms(now) >= ms(this.startAt)) throw refused(this.status, 'CANCELLED', 'The session has started');
    this.recordCancellation(reason, by, now);
  }

  /** A patient may cancel their own appointment until `cutoffHours` before it starts. */
  cancelByPatient(reason: string | null, patientId: number, now: Date, cutoffHours: number): void {
    if (patientId !== this.patientId) throw new DomainError('NOT_FOUND', 'Appointment not found');
    checkReason(reason);
    this.assertMove('CANCELLED');
    if (!beforeCutoff(this.startAt, now, cutoffHours)) {
      const why = `Appointments can be cancelled only up to ${cutoffHours} hours before they start`;
      throw refused(this.status, 'CANCELLED', why);
    }
    this.recordCancellation(reason, `patient:${patientId}`, now);
  }

  /** The system lets an unpaid hold go once it has run out, whenever that is noticed. */
  expireHold(now: Date): void {
    if (this.status !== 'PENDING' || this.holdsSlot(now)) {
      throw refused(this.status, 'CANCELLED', 'Only a pending appointment whose hold has expired times out');
    }
    this.recordCancellation(PAYMENT_TIMEOUT, 'system', now);
  }

  /** The caller checks that the new time is an open slot; the database refuses an overlap anyway. */
  reschedule(startAt: Date, endAt: Date, by: ActorRef, now: Date): void {
    if (this.status !== 'PENDING' && this.status !== 'CONFIRMED') {
      throw refused(this.status, this.status, 'Only a pending or confirmed appointment can be rescheduled');
    }
    if (ms(now) >= ms(this.startAt)) throw refused(this.status, this.status, 'The session has started');
    checkTimes(startAt, endAt, now);
    if (ms(startAt) === ms(this.startAt) && ms(endAt) === ms(this.endAt)) return;
    const from = timeRange(this.startAt, this.endAt);
    this.history = [...this.history, rescheduledEntry(from, timeRange(startAt, endAt), by, now)];
    const previousStartAt = this.startAt;
    this.startAt = startAt;
    this.endAt = endAt;
    if (this.holdExpiresAt && ms(this.holdExpiresAt) > ms(startAt)) this.holdExpiresAt = startAt;
    this.updatedAt = now;
    this.recordEvent({
      type: 'AppointmentRescheduled',
      previousStartAt: previousStartAt.toISOString(),
      startAt: startAt.toISOString(),
      endAt: endAt.toISOString(),
      status: this.status,
      sessionType: this.sessionType,
    });
  }

  /** A payment captured after the hold timed out; the database refuses it if the slot was taken since. */
  reinstateAfterLatePayment(by: ActorRef, now: Date): void {
    this.assertMove('CONFIRMED', 'reinstatement');
    if (ms(now) >= ms(this.startAt)) throw refused(this.status, 'CONFIRMED', 'The session has started');
    this.history = [...this.history, reinstatedEntry(this.cancelledAt, this.cancelledBy, by, now)];
    this.status = 'CONFIRMED';
    this.paymentStatus = 'PAID';
    this.holdExpiresAt = null;
    this.cancellationReason = null;
    this.cancelledAt = null;
    this.cancelledBy = null;
    this.updatedAt = now;
    this.recordConfirmed();
  }

  /** Payment captured: a pending appointment is confirmed by it. */
  markPaid(now: Date): void {
    if (this.status === 'CANCELLED') {
      throw refused(this.status, 'PAID', 'A cancelled appointment cannot be paid; reinstate or refund it');
    }
    if (this.paymentStatus !== 'PENDING' && this.paymentStatus !== 'FAILED') {
      throw new InvalidStateTransitionError(this.paymentStatus, 'PAID');
    }
    if (this.status === 'PENDING') this.move('CONFIRMED', 'system', now);
    this.paymentStatus = 'PAID';
    this.holdExpiresAt = null;
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

  private assertFeeDue(): void {
    if (this.paymentStatus !== 'PENDING' && this.paymentStatus !== 'FAILED') {
      throw refused(this.paymentStatus, this.paymentStatus, 'No payment is due for this appointment');
    }
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
    this.recordEvent({
      type: 'AppointmentCancelled',
      startAt: this.startAt.toISOString(),
      reason,
      paymentStatus: this.paymentStatus,
      sessionType: this.sessionType,
    });
  }

  private move(to: AppointmentStatus, by: ActorRef, now: Date, reason?: string | null): void {
    this.history = [...this.history, statusEntry(this.status, to, by, now, reason)];
    this.status = to;
    this.updatedAt = now;
    if (to === 'CONFIRMED') this.recordConfirmed();
  }

  private recordConfirmed(): void {
    this.recordEvent({
      type: 'AppointmentConfirmed',
      startAt: this.startAt.toISOString(),
      sessionType: this.sessionType,
    });
  }

  private recordEvent(event: PendingAppointmentEvent): void {
    this.pendingEvents = [...(this.pendingEvents ?? []), event];
  }
}
