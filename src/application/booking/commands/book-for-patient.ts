import { Appointment } from '../../../domain/booking/appointment.js';
import type { SessionType } from '../../../domain/booking/appointment-status.js';
import { Patient } from '../../../domain/identity/patient.js';
import { InvalidValueError } from '../../../domain/shared/domain-error.js';
import { rupeesToPaise } from '../../../domain/shared/money.js';
import type { PatientRepository } from '../../identity/ports/identity-repositories.js';
import type { StaffActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { EventRecorder } from '../../shared/reactions.js';
import { staffReachesCentre } from '../appointment-access.js';
import { HOUR_MS, type BookingRules } from '../booking-rules.js';
import type { OpenSlotFinder, WallTime } from '../open-slot-finder.js';
import type { AppointmentRepository } from '../ports/appointment-repository.js';
import type { PaymentLinkOpener } from '../payment-link-opener.js';

/** By id (`POST /api/appointments`), or by phone at the front desk, registering a new patient. */
export type PatientChoice = { patientId: number } | { phone: string; fullName?: string | undefined };

export interface BookForPatient extends WallTime {
  patient: PatientChoice;
  clinicianId: number;
  centreId: number;
  sessionType: SessionType;
  /** A concession in rupees (zero or more); the clinician's fee when absent. */
  consultationFee?: number | undefined;
  notes?: string | null | undefined;
}

export interface StaffBooking {
  appointment: Appointment;
  timezone: string;
  /** The link the patient pays through; null for a zero fee or when the provider could not make one. */
  paymentLink: string | null;
}

/**
 * Staff book a slot for a patient, with no notice needed. An unpaid booking holds its slot until its
 * payment link expires (never past the start). The link's reference is the appointment id, so it is
 * created after the commit: a provider failure then leaves the appointment PENDING without a link, and
 * the answer says so (staff can create the link later through payments).
 */
export class BookForPatientHandler {
  constructor(
    private readonly slots: OpenSlotFinder,
    private readonly appointments: AppointmentRepository,
    private readonly patients: PatientRepository,
    private readonly links: PaymentLinkOpener,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly rules: BookingRules,
    private readonly events: EventRecorder,
  ) {}

  async execute(input: BookForPatient, actor: StaffActor): Promise<StaffBooking> {
    if (!staffReachesCentre(actor, input.centreId)) throw new NotFoundError('Centre');
    const { appointment, centre } = await this.uow.run(async () => {
      const now = this.clock.now();
      const patient = await this.patientFor(input.patient, now);
      const where = await this.slots.bookable(input.clinicianId, input.centreId);
      const slot = await this.slots.open(where, input, 'staff', now);
      const feePaise =
        input.consultationFee === undefined
          ? where.clinician.feePaise
          : rupeesToPaise(input.consultationFee, 'consultationFee');
      const released = await this.appointments.releaseExpiredHolds(
        where.clinician.id,
        patient.id,
        slot.start,
        slot.end,
        now,
      );
      const appointment = Appointment.book(
        {
          patientId: patient.id,
          clinicianId: where.clinician.id,
          centreId: where.centre.id,
          startAt: slot.start,
          endAt: slot.end,
          sessionType: input.sessionType,
          feePaise,
          feeSetBy: feePaise === where.clinician.feePaise ? null : actor.userId,
          holdExpiresAt: new Date(now.getTime() + this.rules.paymentLinkHours * HOUR_MS),
          notes: input.notes ?? null,
          createdBy: `staff:${actor.userId}`,
        },
        now,
      );
      await this.appointments.add(appointment);
      await this.events.recordFrom([...released, appointment]);
      return { appointment, centre: where.centre };
    });
    const paymentLink = appointment.status === 'PENDING' ? await this.links.open(appointment) : null;
    return { appointment, timezone: centre.timezone, paymentLink };
  }

  private async patientFor(choice: PatientChoice, now: Date): Promise<Patient> {
    if ('patientId' in choice) {
      const patient = await this.patients.findById(choice.patientId);
      if (!patient) throw new NotFoundError('Patient');
      return patient;
    }
    const existing = await this.patients.findByPhone(choice.phone);
    if (existing) return existing;
    if (!choice.fullName) throw new InvalidValueError('patientName', 'Required for a new patient');
    const patient = Patient.registerByStaff(choice.phone, choice.fullName, now);
    await this.patients.add(patient);
    return patient;
  }
}
