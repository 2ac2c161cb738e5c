import type { RefundReason } from '../../../domain/billing/payment-status.js';
import { PaymentGatewayRefusal, type PaymentGateway } from '../ports/payment-gateway.js';
import type { PaymentRepository } from '../ports/payment-repository.js';
import { PermanentJobFailure, type JobHandler } from '../../shared/ports/job-handler.js';
import type { JsonObject } from '../../shared/ports/outbox.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { EventRecorder } from '../../shared/reactions.js';
import { BillingJobs } from '../billing-jobs.js';

/**
 * Gives a captured payment back in full (a cancelled PAID appointment, or a late payment whose slot
 * was gone). Marks the refund under way, asks the provider outside any transaction (it answers the
 * same refund if asked twice), then records it: PaymentRefunded tells the patient.
 */
export class RefundPaymentJob implements JobHandler {
  readonly name = BillingJobs.refund;

  constructor(
    private readonly payments: PaymentRepository,
    private readonly gateway: PaymentGateway,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {}

  async run(payload: JsonObject): Promise<void> {
    const appointmentId = Number(payload.appointmentId);
    const reason = (payload.reason === 'SLOT_TAKEN' ? 'SLOT_TAKEN' : 'CANCELLED') as RefundReason;
    const due = await this.uow.run(async () => {
      const appointment = await this.payments.lockAppointment(appointmentId);
      if (!appointment) throw new PermanentJobFailure(`appointment ${appointmentId} not found`);
      // Only a cancelled appointment's money goes back.
      if (appointment.status !== 'CANCELLED') return null;
      const payment = await this.payments.findByAppointment(appointmentId);
      if (!payment?.providerPaymentId || payment.refundId !== null) return null;
      payment.startRefund(reason, this.clock.now());
      if (payment.status !== 'REFUND_PENDING' && payment.status !== 'REFUNDED') return null;
      return { providerPaymentId: payment.providerPaymentId, amountPaise: payment.amountPaise };
    });
    if (!due) return;
    let refundId: string;
    try {
      ({ refundId } = await this.gateway.refundPayment(due.providerPaymentId, due.amountPaise));
    } catch (error) {
      if (error instanceof PaymentGatewayRefusal) throw new PermanentJobFailure(error.message);
      throw error;
    }
    await this.uow.run(async () => {
      const appointment = await this.payments.lockAppointment(appointmentId);
      const payment = await this.payments.lockPaymentOf(appointment!, this.clock.now());
      payment.refundAccepted(refundId, this.clock.now());
      appointment!.markRefunded(this.clock.now());
      await this.events.recordFrom([payment]);
    });
  }
}
