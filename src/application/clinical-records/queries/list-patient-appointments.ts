import { Roles } from '../../../domain/identity/role.js';
import { centreReachOf } from '../../booking/appointment-visibility.js';
import type { AppointmentReads, AppointmentSummary } from '../../booking/ports/appointment-reads.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { StaffActor } from '../../shared/actor.js';
import type { Page } from '../../shared/page.js';
import type { ClinicalGate } from '../clinical-gate.js';
import type { ClinicalRelationships } from '../ports/clinical-relationships.js';
import type { PatientRecordReads } from '../ports/patient-record-reads.js';

export interface ListPatientAppointments {
  id: number;
  page: number;
  limit: number;
}

/**
 * A patient's appointments, within the caller's reach: a clinician sees their own appointments with
 * their own patients, staff tied to a centre that centre's (CONTRACT.md).
 */
export class ListPatientAppointmentsHandler {
  constructor(
    private readonly records: PatientRecordReads,
    private readonly appointments: AppointmentReads,
    private readonly relationships: ClinicalRelationships,
    private readonly gate: ClinicalGate,
  ) {}

  async execute(input: ListPatientAppointments, actor: StaffActor): Promise<Page<AppointmentSummary>> {
    if (!(await this.records.byId(input.id))) throw new NotFoundError('Patient');
    await this.gate.reach(actor, input.id);
    const filter = { patientId: input.id, page: input.page, limit: input.limit };
    if (actor.roleId === Roles.CLINICIAN) {
      const clinicianId = await this.relationships.clinicianIdOf(actor.userId);
      if (clinicianId === null) return { items: [], total: 0 };
      return this.appointments.list({ ...filter, clinicianId });
    }
    const reach = centreReachOf(actor);
    if (reach === 'none') return { items: [], total: 0 };
    return this.appointments.list(reach === 'all' ? filter : { ...filter, centreId: reach });
  }
}
