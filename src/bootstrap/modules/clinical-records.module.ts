import type { Container } from 'inversify';
import { AddMedicalNoteHandler } from '../../application/clinical-records/commands/add-medical-note.js';
import { CreatePatientHandler } from '../../application/clinical-records/commands/create-patient.js';
import { SetMedicalHistoryHandler } from '../../application/clinical-records/commands/set-medical-history.js';
import { UpdatePatientHandler } from '../../application/clinical-records/commands/update-patient.js';
import { ClinicalGate } from '../../application/clinical-records/clinical-gate.js';
import { GetPatientRecordHandler } from '../../application/clinical-records/queries/get-patient-record.js';
import { ListAuditEntriesHandler } from '../../application/clinical-records/queries/list-audit-entries.js';
import { ListMedicalNotesHandler } from '../../application/clinical-records/queries/list-medical-notes.js';
import { ListPatientAppointmentsHandler } from '../../application/clinical-records/queries/list-patient-appointments.js';
import { SearchPatientsHandler } from '../../application/clinical-records/queries/search-patients.js';
import { auditRoutes } from '../../adapters/http/routes/audit/audit-routes.js';
import { clinicalRoutes } from '../../adapters/http/routes/patients/clinical-routes.js';
import { patientRoutes } from '../../adapters/http/routes/patients/patient-routes.js';
import { SqlMedicalNoteReads } from '../../adapters/persistence/reads/medical-note-reads.js';
import { SqlPatientRecordReads } from '../../adapters/persistence/reads/patient-record-reads.js';
import { SqlClinicalRelationships } from '../../adapters/persistence/reads/patient-record-relationships.js';
import { MikroMedicalNoteRepository } from '../../adapters/persistence/repositories/mikro-medical-note-repository.js';
import { SqlClinicalAuditLog } from '../../adapters/persistence/repositories/sql-clinical-audit-log.js';
import { T } from '../tokens.js';

/** Patients' records, medical notes and the clinical audit log (issue 5). */
export function bindClinicalRecords(c: Container): void {
  c.bind(T.PatientRecordReads)
    .toDynamicValue((x) => new SqlPatientRecordReads(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.ClinicalRelationships)
    .toDynamicValue((x) => new SqlClinicalRelationships(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.MedicalNotes)
    .toDynamicValue((x) => new MikroMedicalNoteRepository(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.MedicalNoteReads)
    .toDynamicValue((x) => new SqlMedicalNoteReads(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.ClinicalAuditLog)
    .toDynamicValue((x) => new SqlClinicalAuditLog(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.ClinicalGate)
    .toDynamicValue((x) => new ClinicalGate(x.get(T.ClinicalRelationships)))
    .inSingletonScope();

  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      patientRoutes({
        search: new SearchPatientsHandler(x.get(T.PatientRecordReads)),
        get: new GetPatientRecordHandler(
          x.get(T.PatientRecordReads),
          x.get(T.ClinicalGate),
          x.get(T.ClinicalAuditLog),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
        create: new CreatePatientHandler(x.get(T.Patients), x.get(T.UnitOfWork), x.get(T.Clock)),
        update: new UpdatePatientHandler(x.get(T.Patients), x.get(T.UnitOfWork), x.get(T.Clock)),
        appointments: new ListPatientAppointmentsHandler(
          x.get(T.PatientRecordReads),
          x.get(T.AppointmentReads),
          x.get(T.ClinicalRelationships),
          x.get(T.ClinicalGate),
        ),
      }),
    )
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      clinicalRoutes({
        notes: new ListMedicalNotesHandler(
          x.get(T.PatientRecordReads),
          x.get(T.MedicalNoteReads),
          x.get(T.ClinicalGate),
          x.get(T.ClinicalAuditLog),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
        addNote: new AddMedicalNoteHandler(
          x.get(T.Patients),
          x.get(T.MedicalNotes),
          x.get(T.ClinicalRelationships),
          x.get(T.ClinicalGate),
          x.get(T.ClinicalAuditLog),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
        setHistory: new SetMedicalHistoryHandler(
          x.get(T.Patients),
          x.get(T.ClinicalGate),
          x.get(T.ClinicalAuditLog),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
      }),
    )
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) => auditRoutes({ list: new ListAuditEntriesHandler(x.get(T.ClinicalAuditLog)) }))
    .inSingletonScope();
}
