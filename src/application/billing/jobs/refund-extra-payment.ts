import { PaymentGatewayRefusal, type PaymentGateway } from '../ports/payment-gateway.js';
import { PermanentJobFailure, type JobHandler } from '../../shared/ports/job-handler.js';
import type { JsonObject } from '../../shared/ports/outbox.js';
import { BillingJobs } from '../billing-jobs.js';

/**
 * Gives back a payment captured for a fee that was already paid (a patient who paid both the order
 * and the link). The appointment's own payment is untouched; the provider answers the same refund if
 * the job runs twice.
 */
export class RefundExtraPaymentJob implements JobHandler {
  readonly name = BillingJobs.refundExtra;

  constructor(private readonly gateway: PaymentGateway) {}

  async run(payload: JsonObject): Promise<void> {
    try {
      await this.gateway.refundPayment(String(payload.providerPaymentId), Number(payload.amountPaise));
    } catch (error) {
      if (error instanceof PaymentGatewayRefusal) throw new PermanentJobFailure(error.message);
      throw error;
    }
  }
}
