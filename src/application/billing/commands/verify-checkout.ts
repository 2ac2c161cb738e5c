import { PaymentSignatureError } from '../../../domain/billing/payment-errors.js';
import type { PaymentState } from '../../../domain/billing/payment-status.js';
import type { Actor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { assertPayer } from '../billing-access.js';
import type { PaymentCapture } from '../payment-capture.js';
import type { PaymentGateway } from '../ports/payment-gateway.js';
import type { PaymentRepository } from '../ports/payment-repository.js';

export interface VerifyCheckout {
  razorpayOrderId: string;
  razorpayPaymentId: string;
  razorpaySignature: string;
  appointmentId: number;
}

/**
 * The checkout's answer, checked with HMAC(key secret, order|payment): a bad signature, or an order
 * that is not this appointment's, is 400 PAYMENT_FAILED and changes nothing. A good one takes the
 * same road to "paid" as the webhook.
 */
export class VerifyCheckoutHandler {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly gateway: PaymentGateway,
    private readonly capture: PaymentCapture,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(input: VerifyCheckout, actor: Actor): Promise<{ paymentId: string; status: PaymentState }> {
    const { razorpayOrderId: orderId, razorpayPaymentId: paymentId } = input;
    if (!this.gateway.isCheckoutSignatureValid(orderId, paymentId, input.razorpaySignature)) {
      throw new PaymentSignatureError();
    }
    const amountPaise = await this.uow.run(async () => {
      const appointment = await this.payments.lockAppointment(input.appointmentId);
      if (!appointment) throw new NotFoundError('Appointment');
      assertPayer(actor, appointment);
      const ownerId = await this.payments.appointmentIdOf({ kind: 'order', orderId });
      if (ownerId !== appointment.id) throw new PaymentSignatureError();
      return appointment.feePaise;
    });
    const result = await this.capture.record({
      appointmentId: input.appointmentId,
      providerPaymentId: paymentId,
      amountPaise,
      method: null,
    });
    if (!('payment' in result)) throw new NotFoundError('Appointment');
    return { paymentId, status: result.payment.status };
  }
}
