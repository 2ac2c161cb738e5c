import type { Appointment } from '../../../domain/booking/appointment.js';
import type { ActorRef } from '../../../domain/booking/appointment-history.js';
import {
  InvalidStateTransitionError,
  type AppointmentStatus,
} from '../../../domain/booking/appointment-status.js';
import { wallClockOf } from '../../../domain/scheduling/time-zone.js';
import type { CentreRepository } from '../../scheduling/ports/centre-repository.js';
import type { StaffActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import type { EventRecorder } from '../../shared/reactions.js';
import { appointmentForStaff } from '../appointment-access.js';
import type { OpenSlotFinder } from '../open-slot-finder.js';
import type { AppointmentRepository } from '../ports/appointment-repository.js';

export interface UpdateAppointment {
  id: number;
  /** Either alone keeps the other part of the current wall time at the centre. */
  appointmentDate?: string | undefined;
  appointmentTime?: string | undefined;
  status?: AppointmentStatus | undefined;
  notes?: string | null | undefined;
}

export interface UpdatedAppointment {
  appointment: Appointment;
  timezone: string;
}

/**
 * Staff reschedule (only to an open slot; the appointment's own time does not count as taken), change
 * the status along the aggregate's table, or revise notes, all in one transaction. Two reschedules
 * into one free slot meet in the database's overlap constraint: one wins, the other is refused.
 */
export class UpdateAppointmentHandler {
  constructor(
    private readonly slots: OpenSlotFinder,
    private readonly appointments: AppointmentRepository,
    private readonly centres: CentreRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    private readonly events: EventRecorder,
  ) {}

  execute(input: UpdateAppointment, actor: StaffActor): Promise<UpdatedAppointment> {
    return this.uow.run(async () => {
      const now = this.clock.now();
      const by: ActorRef = `staff:${actor.userId}`;
      const appointment = await appointmentForStaff(this.appointments, input.id, actor, 'change');
      const centre = await this.centres.findById(appointment.centreId);
      if (!centre) throw new NotFoundError('Centre');
      if (input.appointmentDate !== undefined || input.appointmentTime !== undefined) {
        await this.reschedule(appointment, input, by, now);
      }
      if (input.status !== undefined && input.status !== appointment.status) {
        changeStatus(appointment, input.status, by, now);
      }
      if (input.notes !== undefined) appointment.reviseNotes(input.notes, now);
      await this.events.recordFrom([appointment]);
      return { appointment, timezone: centre.timezone };
    });
  }

  private async reschedule(appointment: Appointment, input: UpdateAppointment, by: ActorRef, now: Date) {
    const where = await this.slots.bookable(appointment.clinicianId, appointment.centreId);
    const current = wallClockOf(appointment.startAt, where.centre.timezone);
    const at = {
      appointmentDate: input.appointmentDate ?? current.date.toString(),
      appointmentTime: input.appointmentTime ?? current.time.toString(),
    };
    // The same time again is no move at all, even if the grid has changed since it was booked.
    if (this.slots.instantOf(where.centre, at).getTime() === appointment.startAt.getTime()) return;
    const own = { start: appointment.startAt, end: appointment.endAt };
    const slot = await this.slots.open(where, at, 'staff', now, own);
    const { clinicianId, patientId } = appointment;
    const released = await this.appointments.releaseExpiredHolds(
      clinicianId,
      patientId,
      slot.start,
      slot.end,
      now,
    );
    await this.events.recordFrom(released);
    appointment.reschedule(slot.start, slot.end, by, now);
  }
}

/** CONFIRMED without payment means "pay at the centre": payment stays PENDING until paid. */
function changeStatus(appointment: Appointment, to: AppointmentStatus, by: ActorRef, now: Date): void {
  if (to === 'CONFIRMED') appointment.confirm(by, now);
  else if (to === 'COMPLETED') appointment.complete(by, now);
  else if (to === 'NO_SHOW') appointment.markNoShow(by, now);
  else if (to === 'CANCELLED') appointment.cancel(null, by, now);
  else throw new InvalidStateTransitionError(appointment.status, to);
}
