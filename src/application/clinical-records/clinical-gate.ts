import type { AuditAction } from '../../domain/clinical-records/audit-action.js';
import {
  mayReachPatient,
  maySeeClinicalData,
  type ClinicalViewer,
} from '../../domain/clinical-records/clinical-access.js';
import { roleName, Roles, type StaffRoleName } from '../../domain/identity/role.js';
import type { StaffActor } from '../shared/actor.js';
import { ForbiddenError, NotFoundError } from '../shared/app-errors.js';
import type { AuditEntry } from './ports/clinical-audit-log.js';
import type { ClinicalRelationships } from './ports/clinical-relationships.js';

/** A staff request about a patient: the caller and the request id their audit entries carry. */
export interface ClinicalRequest {
  actor: StaffActor;
  requestId: string;
}

/** Applies the access rule of clinical records to one caller and one patient. */
export class ClinicalGate {
  constructor(private readonly relationships: ClinicalRelationships) {}

  async viewerOf(actor: StaffActor, patientId: number): Promise<ClinicalViewer> {
    const isPatientsClinician =
      actor.roleId === Roles.CLINICIAN &&
      (await this.relationships.isPatientsClinician(actor.userId, patientId));
    return { roleId: actor.roleId, isPatientsClinician };
  }

  /**
   * The caller's view of a patient who exists; a patient out of a clinician's reach answers 404 like a
   * missing one (CONTRACT.md), so their existence is not revealed.
   */
  async reach(actor: StaffActor, patientId: number): Promise<ClinicalViewer> {
    const viewer = await this.viewerOf(actor, patientId);
    if (!mayReachPatient(viewer)) throw new NotFoundError('Patient');
    return viewer;
  }

  /** For the clinical routes themselves: reached, then allowed to see clinical data, else 403. */
  async clinical(actor: StaffActor, patientId: number): Promise<void> {
    const viewer = await this.reach(actor, patientId);
    if (!maySeeClinicalData(viewer)) throw new ForbiddenError();
  }
}

export function auditEntry(
  request: ClinicalRequest,
  patientId: number,
  action: AuditAction,
  at: Date,
  noteId: number | null = null,
): AuditEntry {
  return {
    actorId: request.actor.userId,
    actorRole: roleName(request.actor.roleId) as StaffRoleName,
    patientId,
    action,
    noteId,
    requestId: request.requestId,
    at,
  };
}
