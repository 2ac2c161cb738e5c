import type { Appointment } from '../../domain/booking/appointment.js';
import type { Patient } from '../../domain/identity/patient.js';
import type { Centre } from '../../domain/scheduling/centre.js';
import { wallClockOf } from '../../domain/scheduling/time-zone.js';
import type { PaymentGateway } from '../billing/ports/payment-gateway.js';
import { GatewayUnavailableError } from '../shared/app-errors.js';
import type { Clock } from '../shared/ports/clock.js';
import type { UnitOfWork } from '../shared/ports/unit-of-work.js';
import type { AppointmentRepository } from './ports/appointment-repository.js';

/** Opens the payment link of a committed staff booking and records it on the appointment. */
export class PaymentLinkOpener {
  constructor(
    private readonly payments: PaymentGateway,
    private readonly appointments: AppointmentRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** The link's URL, or null when the provider is unavailable (the booking stands, unpaid). */
  async open(appointment: Appointment, patient: Patient, centre: Centre): Promise<string | null> {
    const { date, time } = wallClockOf(appointment.startAt, centre.timezone);
    let link: { linkId: string; shortUrl: string };
    try {
      link = await this.payments.createPaymentLink({
        amountPaise: appointment.feePaise,
        referenceId: String(appointment.id),
        description: `Consultation on ${date.toString()} at ${time.toString().slice(0, 5)}, ${centre.name}`,
        customer: { name: patient.fullName ?? 'Patient', phone: patient.phone },
        // The hold ends when the link does; the appointment capped it at the start.
        expireBy: appointment.holdExpiresAt ?? appointment.startAt,
      });
    } catch (error) {
      if (error instanceof GatewayUnavailableError) return null;
      throw error;
    }
    await this.uow.run(async () => {
      const saved = await this.appointments.findById(appointment.id);
      // Paid or cancelled in the meantime: the link is no longer this appointment's way to pay.
      if (saved?.status === 'PENDING') saved.attachPaymentLink(link.linkId, link.shortUrl, this.clock.now());
    });
    return link.shortUrl;
  }
}
