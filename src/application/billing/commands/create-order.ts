import type { Actor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { assertPayer } from '../billing-access.js';
import { checkFeeDue } from '../fee-due.js';
import type { PaymentGateway } from '../ports/payment-gateway.js';
import type { PaymentRepository } from '../ports/payment-repository.js';

export interface CreateOrder {
  appointmentId: number;
  /** Rupees; must be the fee due. */
  amount: number;
}

export interface OrderCreated {
  orderId: string;
  amountPaise: number;
  keyId: string;
}

/**
 * The checkout order for an appointment's fee (receipt = the appointment id). An appointment that
 * already has an open order gets that order back, so a retried request never opens a second one.
 */
export class CreateOrderHandler {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly gateway: PaymentGateway,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: CreateOrder, actor: Actor): Promise<OrderCreated> {
    const existing = await this.uow.run(async () => {
      const appointment = await this.payments.lockAppointment(input.appointmentId);
      if (!appointment) throw new NotFoundError('Appointment');
      assertPayer(actor, appointment);
      checkFeeDue(appointment, input.amount);
      return { orderId: appointment.paymentOrderId, amountPaise: appointment.feePaise };
    });
    if (existing.orderId) return this.answer(existing.orderId, existing.amountPaise);
    const { orderId } = await this.gateway.createOrder({
      amountPaise: existing.amountPaise,
      receipt: String(input.appointmentId),
      notes: { appointmentId: String(input.appointmentId) },
    });
    const kept = await this.uow.run(async () => {
      const now = this.clock.now();
      const appointment = (await this.payments.lockAppointment(input.appointmentId))!;
      // A concurrent request attached its order first: that one is the appointment's.
      if (appointment.paymentOrderId) return appointment.paymentOrderId;
      checkFeeDue(appointment, input.amount);
      appointment.attachPaymentOrder(orderId, now);
      (await this.payments.lockPaymentOf(appointment, now)).attachOrder(orderId, now);
      return orderId;
    });
    return this.answer(kept, existing.amountPaise);
  }

  private answer(orderId: string, amountPaise: number): OrderCreated {
    return { orderId, amountPaise, keyId: this.gateway.keyId };
  }
}
