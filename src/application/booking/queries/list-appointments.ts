import type { Page } from '../../shared/page.js';
import type { StaffActor } from '../../shared/actor.js';
import { centreReachOf } from '../appointment-visibility.js';
import type { AppointmentFilter, AppointmentReads, AppointmentSummary } from '../ports/appointment-reads.js';

/** The staff list's filters, as the read side takes them. */
export type ListAppointments = AppointmentFilter;

/** Staff list; a centre-bound caller's centre filter is replaced by their own centre. */
export class ListAppointmentsHandler {
  constructor(private readonly reads: AppointmentReads) {}

  async execute(input: ListAppointments, actor: StaffActor): Promise<Page<AppointmentSummary>> {
    const reach = centreReachOf(actor);
    if (reach === 'none') return { items: [], total: 0 };
    return this.reads.list({ ...input, centreId: reach === 'all' ? input.centreId : reach });
  }
}
