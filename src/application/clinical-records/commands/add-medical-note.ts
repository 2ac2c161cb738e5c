import { MedicalNote, type NewMedicalNote } from '../../../domain/clinical-records/medical-note.js';
import { InvalidValueError } from '../../../domain/shared/domain-error.js';
import { Roles } from '../../../domain/identity/role.js';
import type { PatientRepository } from '../../identity/ports/identity-repositories.js';
import { NotFoundError } from '../../shared/app-errors.js';
import type { Clock } from '../../shared/ports/clock.js';
import type { UnitOfWork } from '../../shared/ports/unit-of-work.js';
import { auditEntry, type ClinicalGate, type ClinicalRequest } from '../clinical-gate.js';
import type { ClinicalAuditLog } from '../ports/clinical-audit-log.js';
import type { ClinicalRelationships } from '../ports/clinical-relationships.js';
import type { MedicalNoteRepository } from '../ports/medical-notes.js';

export interface AddMedicalNote {
  patientId: number;
  note: string;
  appointmentId?: number | undefined;
  /** Set when the note corrects an earlier one (notes are never edited in place). */
  correctsNoteId?: number | undefined;
}

/** ADMIN and the patient's own clinicians add notes; each one is audited in the same transaction. */
export class AddMedicalNoteHandler {
  constructor(
    private readonly patients: PatientRepository,
    private readonly notes: MedicalNoteRepository,
    private readonly relationships: ClinicalRelationships,
    private readonly gate: ClinicalGate,
    private readonly audit: ClinicalAuditLog,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  execute(input: AddMedicalNote, request: ClinicalRequest): Promise<MedicalNote> {
    return this.uow.run(async () => {
      if (!(await this.patients.findById(input.patientId))) throw new NotFoundError('Patient');
      await this.gate.clinical(request.actor, input.patientId);
      if (input.appointmentId !== undefined) await this.checkAppointment(input.appointmentId, input, request);
      const now = this.clock.now();
      const fields: NewMedicalNote = {
        patientId: input.patientId,
        authorId: request.actor.userId,
        appointmentId: input.appointmentId ?? null,
        body: input.note,
      };
      const note =
        input.correctsNoteId === undefined
          ? MedicalNote.write(fields, now)
          : MedicalNote.correct(await this.original(input.correctsNoteId), fields, now);
      await this.notes.add(note);
      await this.audit.append(auditEntry(request, input.patientId, 'WRITE_NOTE', now, note.id));
      return note;
    });
  }

  /** A note may name an appointment of this patient's, and a clinician only one of their own. */
  private async checkAppointment(id: number, input: AddMedicalNote, request: ClinicalRequest): Promise<void> {
    const parties = await this.relationships.partiesOf(id);
    const own = request.actor.roleId !== Roles.CLINICIAN || parties?.clinicianUserId === request.actor.userId;
    if (!parties || parties.patientId !== input.patientId || !own)
      throw new InvalidValueError('appointmentId', "Not an appointment of this patient's");
  }

  private async original(id: number): Promise<MedicalNote> {
    const note = await this.notes.findById(id);
    if (!note) throw new InvalidValueError('correctsNoteId', "Not a note of this patient's");
    return note;
  }
}
