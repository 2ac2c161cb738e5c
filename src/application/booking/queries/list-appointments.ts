import type { AppointmentStatus } from '../../../domain/booking/appointment-status.js';
import type { StaffActor } from '../../shared/actor.js';
import { centreReachOf } from '../appointment-visibility.js';
import type { AppointmentReads, AppointmentSummary, Page } from '../ports/appointment-reads.js';

export interface ListAppointments {
  centreId?: number | undefined;
  clinicianId?: number | undefined;
  patientId?: number | undefined;
  date?: string | undefined;
  status?: AppointmentStatus | undefined;
  page: number;
  limit: number;
}

/** Staff list; a centre-bound caller's centre filter is replaced by their own centre. */
export class ListAppointmentsHandler {
  constructor(private readonly reads: AppointmentReads) {}

  async execute(input: ListAppointments, actor: StaffActor): Promise<Page<AppointmentSummary>> {
    const reach = centreReachOf(actor);
    if (reach === 'none') return { items: [], total: 0 };
    return this.reads.list({ ...input, centreId: reach === 'all' ? input.centreId : reach });
  }
}
