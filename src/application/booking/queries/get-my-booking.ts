import type { PatientActor } from '../../shared/actor.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { AppointmentDetail, AppointmentReads } from '../ports/appointment-reads.js';

/** One of the calling patient's appointments; another patient's answers 404 (its existence is not revealed). */
export class GetMyBookingHandler {
  constructor(private readonly reads: AppointmentReads) {}

  async execute(input: { id: number }, actor: PatientActor): Promise<AppointmentDetail> {
    const appointment = await this.reads.byId(input.id);
    if (!appointment || appointment.patientId !== actor.patientId) throw new NotFoundError('Appointment');
    return appointment;
  }
}
