import { WebhookSignatureError } from '../../../domain/billing/payment-errors.js';
import { InvalidValueError } from '../../../domain/shared/domain-error.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { EventRecorder } from '../../shared/reactions.js';
import type { ExpireHoldJob } from '../jobs/expire-hold.js';
import type { PaymentCapture } from '../payment-capture.js';
import type { PaymentGateway } from '../ports/payment-gateway.js';
import type { PaymentRepository, ProviderReference, WebhookEventLog } from '../ports/payment-repository.js';

export interface WebhookDelivery {
  rawBody: string;
  signature: string;
  /** `x-razorpay-event-id` (the HTTP layer puts the body's hash in its place when it is absent). */
  eventId: string;
}

type Entity = Record<string, unknown>;
type WebhookEvent = { event: string; payload: Record<string, { entity?: Entity } | undefined> };

/**
 * Razorpay's webhook. The signature is checked over the raw bytes before anything is parsed; each
 * event id is handled once (claimed in the same transaction as its effect, so a failure leaves it to
 * Razorpay's retry). Only the database is touched here, so the answer is quick; refunds go to jobs.
 */
export class HandleWebhookHandler {
  constructor(
    private readonly gateway: PaymentGateway,
    private readonly payments: PaymentRepository,
    private readonly log: WebhookEventLog,
    private readonly capture: PaymentCapture,
    private readonly holds: ExpireHoldJob,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {}

  async execute(delivery: WebhookDelivery): Promise<void> {
    if (!this.gateway.isWebhookSignatureValid(delivery.rawBody, delivery.signature)) {
      throw new WebhookSignatureError();
    }
    const event = parse(delivery.rawBody);
    const claim = () => this.log.claim(delivery.eventId, event.event);
    const payment = event.payload.payment?.entity ?? {};
    switch (event.event) {
      case 'payment.captured':
      case 'order.paid':
        return this.captured(claim, { kind: 'order', orderId: text(payment.order_id) }, payment);
      case 'payment_link.paid':
        return this.captured(
          claim,
          { kind: 'link', linkId: text(event.payload.payment_link?.entity?.id) },
          payment,
        );
      case 'payment.failed':
        return this.change(claim, { kind: 'order', orderId: text(payment.order_id) }, async (id, now) => {
          const appointment = (await this.payments.lockAppointment(id))!;
          const failed = await this.payments.lockPaymentOf(appointment, now);
          // A fee already settled (paid before billing kept payments) is not undone by a late failure.
          if (failed.fail(text(payment.error_description) || null, now) && appointment.feeDue()) {
            appointment.markPaymentFailed(now);
          }
        });
      case 'refund.processed': {
        const refund = event.payload.refund?.entity ?? {};
        const paymentId = text(refund.payment_id);
        return this.change(claim, { kind: 'payment', providerPaymentId: paymentId }, async (id, now) => {
          const appointment = (await this.payments.lockAppointment(id))!;
          const refunded = await this.payments.lockPaymentOf(appointment, now);
          if (refunded.refundProcessed(text(refund.id), now)) appointment.markRefunded(now);
          await this.events.recordFrom([refunded]);
        });
      }
      case 'payment_link.expired':
      case 'payment_link.cancelled': {
        const linkId = text(event.payload.payment_link?.entity?.id);
        return this.change(claim, { kind: 'link', linkId }, (id) => this.holds.expireWithin(id));
      }
      default:
        await this.uow.run(claim);
    }
  }

  private async captured(claim: () => Promise<boolean>, reference: ProviderReference, payment: Entity) {
    const appointmentId = await this.payments.appointmentIdOf(reference);
    const providerPaymentId = text(payment.id);
    const amountPaise = Number(payment.amount);
    // Not ours (another integration's order, or a link's inner order) or not a payment at all:
    // acknowledged and left alone.
    if (
      appointmentId === null ||
      !providerPaymentId ||
      !Number.isSafeInteger(amountPaise) ||
      amountPaise <= 0
    ) {
      return void (await this.uow.run(claim));
    }
    const method = text(payment.method).toUpperCase() || null;
    await this.capture.record({ appointmentId, providerPaymentId, amountPaise, method }, claim);
  }

  private async change(
    claim: () => Promise<boolean>,
    reference: ProviderReference,
    work: (appointmentId: number, now: Date) => Promise<void>,
  ): Promise<void> {
    const appointmentId = await this.payments.appointmentIdOf(reference);
    await this.uow.run(async () => {
      if (!(await claim()) || appointmentId === null) return;
      await work(appointmentId, this.clock.now());
    });
  }
}

function parse(rawBody: string): WebhookEvent {
  try {
    const parsed = JSON.parse(rawBody) as Partial<WebhookEvent>;
    if (typeof parsed.event === 'string' && typeof parsed.payload === 'object' && parsed.payload) {
      return parsed as WebhookEvent;
    }
  } catch {
    // falls through to the validation error
  }
  throw new InvalidValueError('body', 'Must be a Razorpay webhook event');
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
