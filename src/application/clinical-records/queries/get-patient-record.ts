import { maySeeClinicalData } from '../../../domain/clinical-records/clinical-access.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { auditEntry, type ClinicalGate, type ClinicalRequest } from '../clinical-gate.js';
import { shapedFor, type RoleShapedRecord } from '../patient-record-of.js';
import type { ClinicalAuditLog } from '../ports/clinical-audit-log.js';
import type { PatientRecordReads } from '../ports/patient-record-reads.js';

/** One patient, shaped for the caller: medical history only for ADMIN and the patient's clinicians. */
export class GetPatientRecordHandler {
  constructor(
    private readonly reads: PatientRecordReads,
    private readonly gate: ClinicalGate,
    private readonly audit: ClinicalAuditLog,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(input: { id: number }, request: ClinicalRequest): Promise<RoleShapedRecord> {
    const record = await this.reads.byId(input.id);
    if (!record) throw new NotFoundError('Patient');
    const clinical = maySeeClinicalData(await this.gate.reach(request.actor, input.id));
    // Written before the answer leaves: a clinical read that cannot be audited is not answered.
    if (clinical)
      await this.uow.run(() =>
        this.audit.append(auditEntry(request, input.id, 'READ_MEDICAL_HISTORY', this.clock.now())),
      );
    return shapedFor(record, clinical);
  }
}
