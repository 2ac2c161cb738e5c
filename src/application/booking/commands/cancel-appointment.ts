import type { PatientActor, StaffActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { EventRecorder } from '../../shared/reactions.js';
import { appointmentForStaff, appointmentOfPatient } from '../appointment-access.js';
import type { BookingRules } from '../booking-rules.js';
import type { AppointmentRepository } from '../ports/appointment-repository.js';

export interface CancelAppointment {
  id: number;
  reason?: string | null | undefined;
}

/** Records reason, actor and time; staff may cancel until the start, patients until the cut-off. */
export class CancelAppointmentHandler {
  constructor(
    private readonly appointments: AppointmentRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly rules: Pick<BookingRules, 'patientCancelCutoffHours'>,
    private readonly events: EventRecorder,
  ) {}

  byStaff(input: CancelAppointment, actor: StaffActor): Promise<void> {
    return this.uow.run(async () => {
      const appointment = await appointmentForStaff(this.appointments, input.id, actor, 'change');
      appointment.cancel(input.reason ?? null, `staff:${actor.userId}`, this.clock.now());
      await this.events.recordFrom([appointment]);
    });
  }

  byPatient(input: CancelAppointment, actor: PatientActor): Promise<void> {
    return this.uow.run(async () => {
      const appointment = await appointmentOfPatient(this.appointments, input.id, actor.patientId, 'change');
      const cutoff = this.rules.patientCancelCutoffHours;
      appointment.cancelByPatient(input.reason ?? null, actor.patientId, this.clock.now(), cutoff);
      await this.events.recordFrom([appointment]);
    });
  }
}
