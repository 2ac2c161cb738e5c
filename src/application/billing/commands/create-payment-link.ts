import { wallClockOf } from '../../../domain/scheduling/time-zone.js';
import type { PatientRepository } from '../../identity/ports/identity-repositories.js';
import type { CentreRepository } from '../../scheduling/ports/centre-repository.js';
import type { Actor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { EventRecorder } from '../../shared/reactions.js';
import { assertPayer } from '../billing-access.js';
import { checkFeeDue } from '../fee-due.js';
import type { PaymentGateway } from '../ports/payment-gateway.js';
import type { PaymentRepository } from '../ports/payment-repository.js';

export interface CreatePaymentLink {
  appointmentId: number;
  /** Rupees; must be the fee due when given. */
  amount?: number | undefined;
  customerName?: string | undefined;
  customerPhone?: string | undefined;
}

export interface PaymentLinkCreated {
  paymentLinkId: string;
  shortUrl: string;
  expiresAt: Date;
}

const HOUR_MS = 3_600_000;

/**
 * A payment link for an appointment's fee (reference_id = the appointment id). Recording it records
 * PaymentLinkCreated, on which messaging sends the link to the patient on WhatsApp. A link lasts as
 * long as the appointment's hold (a confirmed, pay-at-centre one: the configured hours), never past
 * the start. The provider is called outside the transaction.
 */
export class CreatePaymentLinkHandler {
  constructor(
    private readonly payments: PaymentRepository,
    private readonly patients: PatientRepository,
    private readonly centres: CentreRepository,
    private readonly gateway: PaymentGateway,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
    private readonly linkHours: number,
  ) {}

  async execute(input: CreatePaymentLink, actor: Actor | 'system'): Promise<PaymentLinkCreated> {
    const now = this.clock.now();
    const plan = await this.uow.run(async () => {
      const appointment = await this.payments.lockAppointment(input.appointmentId);
      if (!appointment) throw new NotFoundError('Appointment');
      if (actor !== 'system') assertPayer(actor, appointment);
      checkFeeDue(appointment, input.amount);
      const patient = await this.patients.findById(appointment.patientId);
      const centre = await this.centres.findById(appointment.centreId);
      const until = appointment.status === 'PENDING' ? appointment.holdExpiresAt : null;
      const expiresAt = new Date(
        Math.min(
          (until ?? new Date(now.getTime() + this.linkHours * HOUR_MS)).getTime(),
          appointment.startAt.getTime(),
        ),
      );
      const { date, time } = wallClockOf(appointment.startAt, centre?.timezone ?? 'Asia/Kolkata');
      return {
        amountPaise: appointment.feePaise,
        expiresAt,
        description: `Consultation on ${date.toString()} at ${time.toString().slice(0, 5)}${centre ? `, ${centre.name}` : ''}`,
        customer: {
          name: input.customerName ?? patient?.fullName ?? 'Patient',
          phone: input.customerPhone ?? patient?.phone ?? '',
        },
      };
    });
    const link = await this.gateway.createPaymentLink({
      amountPaise: plan.amountPaise,
      referenceId: String(input.appointmentId),
      description: plan.description,
      customer: plan.customer,
      expireBy: plan.expiresAt,
    });
    await this.uow.run(async () => {
      const at = this.clock.now();
      const appointment = (await this.payments.lockAppointment(input.appointmentId))!;
      // Paid or cancelled meanwhile: the link is not recorded (and so never sent).
      if (appointment.paymentStatus !== 'PENDING' && appointment.paymentStatus !== 'FAILED') return;
      if (appointment.status !== 'PENDING' && appointment.status !== 'CONFIRMED') return;
      appointment.attachPaymentLink(link.linkId, link.shortUrl, at);
      const payment = await this.payments.lockPaymentOf(appointment, at);
      payment.attachLink({ ...link, expiresAt: plan.expiresAt }, at);
      await this.events.recordFrom([payment]);
    });
    return { paymentLinkId: link.linkId, shortUrl: link.shortUrl, expiresAt: plan.expiresAt };
  }
}
