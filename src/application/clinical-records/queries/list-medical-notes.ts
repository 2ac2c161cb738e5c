import { NotFoundError } from '../../shared/app-errors.js';
import type { Page } from '../../shared/page.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { auditEntry, type ClinicalGate, type ClinicalRequest } from '../clinical-gate.js';
import type { ClinicalAuditLog } from '../ports/clinical-audit-log.js';
import type { MedicalNoteReads, MedicalNoteView } from '../ports/medical-notes.js';
import type { PatientRecordReads } from '../ports/patient-record-reads.js';

/** A patient's notes, corrections included, for ADMIN and the patient's clinicians; every read audited. */
export class ListMedicalNotesHandler {
  constructor(
    private readonly records: PatientRecordReads,
    private readonly notes: MedicalNoteReads,
    private readonly gate: ClinicalGate,
    private readonly audit: ClinicalAuditLog,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(
    input: { id: number; page: number; limit: number },
    request: ClinicalRequest,
  ): Promise<Page<MedicalNoteView>> {
    if (!(await this.records.byId(input.id))) throw new NotFoundError('Patient');
    await this.gate.clinical(request.actor, input.id);
    const page = await this.notes.notesOf(input.id, input.page, input.limit);
    await this.uow.run(() =>
      this.audit.append(auditEntry(request, input.id, 'READ_NOTES', this.clock.now())),
    );
    return page;
  }
}
