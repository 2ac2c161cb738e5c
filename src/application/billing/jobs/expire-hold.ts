import type { JobHandler } from '../../shared/ports/job-handler.js';
import type { JsonObject } from '../../shared/ports/outbox.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { EventRecorder } from '../../shared/reactions.js';
import { BillingJobs } from '../billing-jobs.js';
import type { PaymentRepository } from '../ports/payment-repository.js';

/**
 * A PENDING appointment still unpaid when its hold ends is cancelled with reason PAYMENT_TIMEOUT
 * (its AppointmentCancelled then cancels the payment link). Paid, cancelled or still holding: nothing.
 */
export class ExpireHoldJob implements JobHandler {
  readonly name = BillingJobs.expireHold;

  constructor(
    private readonly payments: PaymentRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {}

  run(payload: JsonObject): Promise<void> {
    return this.expire(Number(payload.appointmentId));
  }

  expire(appointmentId: number): Promise<void> {
    return this.uow.run(() => this.expireWithin(appointmentId));
  }

  /** Inside the caller's unit of work (the webhook, when the provider says a link expired). */
  async expireWithin(appointmentId: number): Promise<void> {
    const now = this.clock.now();
    const appointment = await this.payments.lockAppointment(appointmentId);
    if (!appointment || appointment.status !== 'PENDING' || appointment.holdsSlot(now)) return;
    appointment.expireHold(now);
    await this.events.recordFrom([appointment]);
  }
}
