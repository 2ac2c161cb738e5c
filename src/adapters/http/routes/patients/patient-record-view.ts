import type { RoleShapedRecord } from '../../../../application/clinical-records/patient-record-of.js';
import type { MedicalNoteView } from '../../../../application/clinical-records/ports/medical-notes.js';
import type { PatientSummary } from '../../../../application/clinical-records/ports/patient-record-reads.js';
import type { MedicalNote } from '../../../../domain/clinical-records/medical-note.js';

/** The spec's list shape, plus how the patient came to the clinic. */
export function patientSummaryView(p: PatientSummary) {
  return {
    id: p.id,
    fullName: p.fullName,
    phone: p.phone,
    email: p.email,
    dateOfBirth: p.dateOfBirth,
    gender: p.gender,
    bloodGroup: p.bloodGroup,
    source: p.source,
    createdAt: p.createdAt.toISOString(),
  };
}

/** The spec's record; `medicalHistory` appears only when the query let the caller see it. */
export function patientRecordView(p: RoleShapedRecord) {
  return {
    ...patientSummaryView(p),
    emergencyContactName: p.emergencyContactName,
    emergencyContactPhone: p.emergencyContactPhone,
    ...('medicalHistory' in p ? { medicalHistory: p.medicalHistory } : {}),
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** A note as written (POST) or as listed, where the author's name and any later correction show too. */
export function medicalNoteView(n: MedicalNote | MedicalNoteView) {
  return {
    id: n.id,
    patientId: n.patientId,
    appointmentId: n.appointmentId,
    authorId: n.authorId,
    ...('authorName' in n ? { authorName: n.authorName, correctedByNoteId: n.correctedByNoteId } : {}),
    note: n.body,
    correctsNoteId: n.correctsNoteId,
    createdAt: n.createdAt.toISOString(),
  };
}
