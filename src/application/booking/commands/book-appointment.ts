import { Appointment } from '../../../domain/booking/appointment.js';
import type { SessionType } from '../../../domain/booking/appointment-status.js';
import { InvalidValueError } from '../../../domain/shared/domain-error.js';
import { paiseToRupees, rupeesToPaise } from '../../../domain/shared/money.js';
import type { PaymentGateway } from '../../billing/ports/payment-gateway.js';
import type { PatientRepository } from '../../identity/ports/identity-repositories.js';
import type { PatientActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { EventRecorder } from '../../shared/reactions.js';
import { MINUTE_MS, type BookingRules } from '../booking-rules.js';
import type { Interval, OpenSlotFinder, WallTime } from '../open-slot-finder.js';
import type { AppointmentRepository } from '../ports/appointment-repository.js';

export interface BookAppointment extends WallTime {
  clinicianId: number;
  centreId: number;
  sessionType: SessionType;
  /** What the patient expects to pay, in rupees: checked against the clinician's fee, never taken as it. */
  consultationFee?: number | undefined;
}

/**
 * A patient books an open slot: a PENDING appointment holds it while the payment order is paid (a
 * zero fee confirms at once). The order is created before the transaction, so no provider call runs
 * while rows are locked; if the provider fails, nothing is held. An order whose booking then loses the
 * race is simply never paid.
 */
export class BookAppointmentHandler {
  constructor(
    private readonly slots: OpenSlotFinder,
    private readonly appointments: AppointmentRepository,
    private readonly patients: PatientRepository,
    private readonly payments: PaymentGateway,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly rules: BookingRules,
    private readonly events: EventRecorder,
  ) {}

  async execute(input: BookAppointment, actor: PatientActor): Promise<Appointment> {
    const { feePaise, slot } = await this.precheck(input);
    const order =
      feePaise > 0
        ? await this.payments.createOrder({
            amountPaise: feePaise,
            receipt: receiptFor(actor.patientId, input.clinicianId, slot.start),
            notes: {
              patientId: String(actor.patientId),
              clinicianId: String(input.clinicianId),
              centreId: String(input.centreId),
              startAt: slot.start.toISOString(),
            },
          })
        : null;
    return this.uow.run(async () => {
      const now = this.clock.now();
      if (!(await this.patients.findById(actor.patientId))) throw new NotFoundError('Patient');
      const where = await this.slots.bookable(input.clinicianId, input.centreId);
      const booked = await this.slots.open(where, input, 'patient', now);
      const released = await this.appointments.releaseExpiredHolds(
        where.clinician.id,
        actor.patientId,
        booked.start,
        booked.end,
        now,
      );
      const appointment = Appointment.book(
        {
          patientId: actor.patientId,
          clinicianId: where.clinician.id,
          centreId: where.centre.id,
          startAt: booked.start,
          endAt: booked.end,
          sessionType: input.sessionType,
          // The order's amount: the fee the patient was quoted, even if it changed a moment ago.
          feePaise,
          feeSetBy: null,
          holdExpiresAt: new Date(now.getTime() + this.rules.patientHoldMinutes * MINUTE_MS),
          notes: null,
          createdBy: `patient:${actor.patientId}`,
        },
        now,
      );
      if (order) appointment.attachPaymentOrder(order.orderId, now);
      await this.appointments.add(appointment);
      await this.events.recordFrom([...released, appointment]);
      return appointment;
    });
  }

  /** Everything that can refuse the booking before the provider is asked for an order. */
  private async precheck(input: BookAppointment): Promise<{ feePaise: number; slot: Interval }> {
    const where = await this.slots.bookable(input.clinicianId, input.centreId);
    const feePaise = where.clinician.feePaise;
    if (
      input.consultationFee !== undefined &&
      rupeesToPaise(input.consultationFee, 'consultationFee') !== feePaise
    ) {
      throw new InvalidValueError(
        'consultationFee',
        `Must be the clinician's fee (${paiseToRupees(feePaise)})`,
      );
    }
    return { feePaise, slot: await this.slots.open(where, input, 'patient', this.clock.now()) };
  }
}

/**
 * The appointment id does not exist before the transaction, so the receipt names what is booked
 * (patient, clinician, start in epoch minutes; at most 40 characters as Razorpay allows); the
 * appointment keeps the order id, which is what ties the two together.
 */
function receiptFor(patientId: number, clinicianId: number, start: Date): string {
  return `bk_${patientId}_${clinicianId}_${Math.floor(start.getTime() / MINUTE_MS)}`;
}
