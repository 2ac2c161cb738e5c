import type { Page } from '../../shared/page.js';
import type { PatientActor } from '../../shared/actor.js';
import type { AppointmentReads, AppointmentSummary } from '../ports/appointment-reads.js';

/** The calling patient's own appointments, ordered by start. */
export class ListMyBookingsHandler {
  constructor(private readonly reads: AppointmentReads) {}

  execute(input: { page: number; limit: number }, actor: PatientActor): Promise<Page<AppointmentSummary>> {
    return this.reads.list({ patientId: actor.patientId, page: input.page, limit: input.limit });
  }
}
