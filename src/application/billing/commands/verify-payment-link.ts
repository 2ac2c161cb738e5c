import { PaymentSignatureError } from '../../../domain/billing/payment-errors.js';
import type { Actor } from '../../shared/actor.js';
import { NotFoundError, UnauthorizedError } from '../../shared/app-errors.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { assertPayer } from '../billing-access.js';
import type { PaymentCapture } from '../payment-capture.js';
import type { PaymentGateway, PaymentLinkStatus } from '../ports/payment-gateway.js';
import type { PaymentRepository } from '../ports/payment-repository.js';

/** Razorpay's callback parameters, when the patient comes back from paying. */
export interface LinkCallback {
  paymentId: string;
  referenceId: string;
  status: string;
  signature: string;
}

export interface PaymentLinkVerified {
  paymentLinkId: string;
  status: PaymentLinkStatus | string;
  amountPaidPaise: number;
}

/**
 * A payment link's status. With Razorpay's callback parameters it needs no token: their signature
 * (the link formula) proves them, and a paid one takes the road to "paid". Otherwise the caller must
 * be allowed to see the appointment, and the provider is asked.
 */
export class VerifyPaymentLinkHandler {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly gateway: PaymentGateway,
    private readonly capture: PaymentCapture,
    private readonly uow: UnitOfWork,
  ) {}

  async execute(
    linkId: string,
    callback: LinkCallback | null,
    actor: Actor | null,
  ): Promise<PaymentLinkVerified> {
    const appointmentId = await this.uow.run(() => this.payments.appointmentIdOf({ kind: 'link', linkId }));
    if (callback) {
      const signed = {
        linkId,
        referenceId: callback.referenceId,
        status: callback.status,
        paymentId: callback.paymentId,
      };
      if (!this.gateway.isPaymentLinkSignatureValid(signed, callback.signature))
        throw new PaymentSignatureError();
      if (appointmentId === null || String(appointmentId) !== callback.referenceId)
        throw new NotFoundError('Payment link');
      const amountPaise = await this.amountOf(appointmentId, null);
      if (callback.status !== 'paid')
        return { paymentLinkId: linkId, status: callback.status, amountPaidPaise: 0 };
      await this.capture.record({
        appointmentId,
        providerPaymentId: callback.paymentId,
        amountPaise,
        method: null,
      });
      return { paymentLinkId: linkId, status: 'paid', amountPaidPaise: amountPaise };
    }
    if (!actor) throw new UnauthorizedError('UNAUTHORIZED', 'Authentication required');
    if (appointmentId === null) throw new NotFoundError('Payment link');
    await this.amountOf(appointmentId, actor);
    const state = await this.gateway.fetchPaymentLink(linkId);
    if (state.status === 'paid' && state.paymentId) {
      await this.capture.record({
        appointmentId,
        providerPaymentId: state.paymentId,
        amountPaise: state.amountPaidPaise,
        method: state.method?.toUpperCase() ?? null,
      });
    }
    return { paymentLinkId: linkId, status: state.status, amountPaidPaise: state.amountPaidPaise };
  }

  private amountOf(appointmentId: number, actor: Actor | null): Promise<number> {
    return this.uow.run(async () => {
      const appointment = await this.payments.lockAppointment(appointmentId);
      if (!appointment) throw new NotFoundError('Payment link');
      if (actor) assertPayer(actor, appointment);
      return appointment.feePaise;
    });
  }
}
