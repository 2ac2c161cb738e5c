import type { Appointment } from '../../domain/booking/appointment.js';
import { PAYMENT_TIMEOUT } from '../../domain/booking/appointment-status.js';
import { DomainError } from '../../domain/shared/domain-error.js';
import type { Payment } from '../../domain/billing/payment.js';
import type { Clock } from '../shared/ports/clock.js';
import type { Outbox } from '../shared/ports/outbox.js';
import type { UnitOfWork } from '../shared/ports/unit-of-work.js';
import type { EventRecorder } from '../shared/reactions.js';
import { refundExtraJob, refundJob } from './billing-jobs.js';
import type { PaymentRepository } from './ports/payment-repository.js';

export interface CaptureNews {
  appointmentId: number;
  providerPaymentId: string;
  amountPaise: number;
  method: string | null;
}

/** What became of the appointment: confirmed by the payment, or refunded because it could not be. */
export type CaptureResult =
  | { outcome: 'paid' | 'reinstated' | 'refunding' | 'already-known'; payment: Payment }
  | { outcome: 'duplicate-delivery' | 'unknown-appointment' };

/** Runs first inside each transaction (the webhook claims its event id); false: already done. */
export type Guard = () => Promise<boolean>;

/**
 * The one road to "paid", shared by checkout verify, payment-link verify and the webhook. With the
 * appointment and its payment locked: the payment records the capture (once, whatever the order of
 * the news), then the appointment is confirmed; one cancelled for PAYMENT_TIMEOUT is reinstated if
 * its slot is still free, and otherwise (or when cancelled for another reason) the money goes back.
 */
export class PaymentCapture {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
    private readonly outbox: Outbox,
  ) {}

  async record(news: CaptureNews, guard: Guard = async () => true): Promise<CaptureResult> {
    try {
      return await this.attempt(news, guard, true);
    } catch (error) {
      // The slot was taken while the hold was gone: the database refused the reinstatement.
      if (!(error instanceof DomainError) || error.code !== 'SLOT_UNAVAILABLE') throw error;
      return this.attempt(news, guard, false);
    }
  }

  private attempt(news: CaptureNews, guard: Guard, mayReinstate: boolean): Promise<CaptureResult> {
    return this.uow.run(async () => {
      if (!(await guard())) return { outcome: 'duplicate-delivery' };
      const now = this.clock.now();
      const appointment = await this.payments.lockAppointmentForCapture(news.appointmentId);
      if (!appointment || appointment.feePaise <= 0) return { outcome: 'unknown-appointment' };
      const payment = await this.payments.lockPaymentForCapture(appointment, now);
      const captured = payment.capture(news, now);
      const outcome = captured === 'captured' ? this.settle(appointment, mayReinstate, now) : 'already-known';
      if (captured === 'ignored') {
        await this.outbox.add([refundExtraJob(news.providerPaymentId, news.amountPaise)]);
      }
      if (outcome === 'refunding') {
        const reason = appointment.cancellationReason === PAYMENT_TIMEOUT ? 'SLOT_TAKEN' : 'CANCELLED';
        payment.startRefund(reason, now);
        await this.outbox.add([refundJob(appointment.id, reason, news.providerPaymentId)]);
      }
      // Untracked by the unit of work (see the port): saved here, or not at all.
      await this.payments.saveCaptured(appointment, payment);
      await this.events.recordFrom([appointment, payment]);
      return { outcome, payment };
    });
  }

  private settle(
    appointment: Appointment,
    mayReinstate: boolean,
    now: Date,
  ): 'paid' | 'reinstated' | 'refunding' {
    const due = appointment.paymentStatus === 'PENDING' || appointment.paymentStatus === 'FAILED';
    if (appointment.status !== 'CANCELLED') {
      // Already shown as paid (a payment recorded before billing kept payments): this one is its record.
      if (!due) return 'paid';
      appointment.markPaid(now);
      return 'paid';
    }
    const late = appointment.cancellationReason === PAYMENT_TIMEOUT;
    if (late && mayReinstate && now.getTime() < appointment.startAt.getTime()) {
      appointment.reinstateAfterLatePayment('system', now);
      return 'reinstated';
    }
    return 'refunding';
  }
}
