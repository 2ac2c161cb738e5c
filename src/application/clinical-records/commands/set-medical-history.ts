import type { PatientRepository } from '../../identity/ports/identity-repositories.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { auditEntry, type ClinicalGate, type ClinicalRequest } from '../clinical-gate.js';
import { recordOf } from '../patient-record-of.js';
import type { PatientRecord } from '../ports/patient-record-reads.js';
import type { ClinicalAuditLog } from '../ports/clinical-audit-log.js';

/** ADMIN and the patient's clinicians replace the medical history; the write is audited with it. */
export class SetMedicalHistoryHandler {
  constructor(
    private readonly patients: PatientRepository,
    private readonly gate: ClinicalGate,
    private readonly audit: ClinicalAuditLog,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(
    input: { id: number; medicalHistory: string | null },
    request: ClinicalRequest,
  ): Promise<PatientRecord> {
    return this.uow.run(async () => {
      const patient = await this.patients.findById(input.id);
      if (!patient) throw new NotFoundError('Patient');
      await this.gate.clinical(request.actor, input.id);
      const now = this.clock.now();
      patient.writeMedicalHistory(input.medicalHistory, now);
      await this.audit.append(auditEntry(request, input.id, 'WRITE_MEDICAL_HISTORY', now));
      return recordOf(patient);
    });
  }
}
