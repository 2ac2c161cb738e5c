import type { Actor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import { assertPayer } from '../billing-access.js';
import type { PaymentDetails, PaymentReads } from '../ports/payment-reads.js';

/** `GET /api/payments/:id` takes the appointment id (CONTRACT.md). */
export class GetPaymentHandler {
  constructor(private readonly reads: PaymentReads) {}

  async execute(appointmentId: number, actor: Actor): Promise<PaymentDetails> {
    const details = await this.reads.details(appointmentId);
    if (!details) throw new NotFoundError('Payment');
    assertPayer(actor, details);
    return details;
  }
}
