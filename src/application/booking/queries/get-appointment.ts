import type { StaffActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import { staffMaySee } from '../appointment-visibility.js';
import type { AppointmentDetail, AppointmentReads } from '../ports/appointment-reads.js';

/** One appointment for staff; out of the caller's reach it answers 404, like one that does not exist. */
export class GetAppointmentHandler {
  constructor(private readonly reads: AppointmentReads) {}

  async execute(input: { id: number }, actor: StaffActor): Promise<AppointmentDetail> {
    const appointment = await this.reads.byId(input.id);
    if (!appointment || !staffMaySee(actor, appointment)) throw new NotFoundError('Appointment');
    return appointment;
  }
}
