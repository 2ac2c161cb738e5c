import { PaymentGatewayRefusal, type PaymentGateway } from '../ports/payment-gateway.js';
import type { PaymentRepository } from '../ports/payment-repository.js';
import type { JobHandler } from '../../shared/ports/job-handler.js';
import type { JsonObject } from '../../shared/ports/outbox.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { BillingJobs } from '../billing-jobs.js';

/**
 * After a hold timed out, its payment link stops taking money. A link paid in the meantime is
 * refused by the provider: that payment arrives as a late capture and is handled there.
 */
export class CancelPaymentLinkJob implements JobHandler {
  readonly name = BillingJobs.cancelLink;

  constructor(
    private readonly payments: PaymentRepository,
    private readonly gateway: PaymentGateway,
    private readonly uow: UnitOfWork,
  ) {}

  async run(payload: JsonObject): Promise<void> {
    const appointmentId = Number(payload.appointmentId);
    const links = await this.uow.run(async () => {
      const appointment = await this.payments.lockAppointment(appointmentId);
      if (appointment?.status !== 'CANCELLED') return [];
      const payment = await this.payments.findByAppointment(appointmentId);
      return [...new Set([appointment.paymentLinkId, payment?.linkId].filter((id): id is string => !!id))];
    });
    for (const linkId of links) {
      try {
        await this.gateway.cancelPaymentLink(linkId);
      } catch (error) {
        if (!(error instanceof PaymentGatewayRefusal)) throw error;
      }
    }
  }
}
