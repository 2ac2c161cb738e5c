import type { StaffActor } from '../../shared/actor.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { AppointmentReads, ClinicianAgenda } from '../ports/appointment-reads.js';

/** The calling clinician's current, upcoming and past appointments (empty for an account with no profile). */
export class GetClinicianAgendaHandler {
  constructor(
    private readonly reads: AppointmentReads,
    private readonly clock: Clock,
  ) {}

  execute(input: { page: number; limit: number }, actor: StaffActor): Promise<ClinicianAgenda> {
    return this.reads.agendaOf(actor.userId, this.clock.now(), input.page, input.limit);
  }
}
