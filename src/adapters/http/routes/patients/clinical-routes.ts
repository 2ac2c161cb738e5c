import * as v from 'valibot';
import type { AddMedicalNoteHandler } from '../../../../application/clinical-records/commands/add-medical-note.js';
import type { SetMedicalHistoryHandler } from '../../../../application/clinical-records/commands/set-medical-history.js';
import type { ListMedicalNotesHandler } from '../../../../application/clinical-records/queries/list-medical-notes.js';
import { endpoint, type Endpoint } from '../../endpoint.js';
import { authErrors } from '../common-responses.js';
import {
  AddNoteBody,
  MedicalHistoryBody,
  MedicalNoteData,
  PageQuery,
  PatientIdParams,
  PatientRecordData,
} from './patient-schemas.js';
import { medicalNoteView, patientRecordView } from './patient-record-view.js';

export interface ClinicalHandlers {
  notes: ListMedicalNotesHandler;
  addNote: AddMedicalNoteHandler;
  setHistory: SetMedicalHistoryHandler;
}

const tag = 'Patients';
// Clinical data: ADMIN, and clinicians for the patients they have or had an appointment with.
const clinicalRoles = { kind: 'staff', roles: ['ADMIN', 'CLINICIAN'] } as const;
const denied = authErrors(['UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN']);
const byIdErrors = authErrors(['VALIDATION_ERROR', 'NOT_FOUND']);
const privacy =
  "ADMIN and the patient's clinicians only (others' patients answer 404); every call is written to the clinical audit log.";

export function clinicalRoutes(h: ClinicalHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/patients/:id/notes',
      tag,
      summary: "A patient's medical notes, newest first",
      description: `Corrections are notes of their own (\`correctsNoteId\`); a corrected note shows \`correctedByNoteId\`. ${privacy}`,
      access: clinicalRoles,
      rateLimit: 'general',
      params: PatientIdParams,
      query: PageQuery,
      responses: [
        {
          status: 200,
          description: 'Notes, with `meta` (page, limit, total)',
          data: v.array(MedicalNoteData),
        },
        ...byIdErrors,
        ...denied,
      ],
      handle: async ({ params, query, actor, requestId }) => {
        const { items, total } = await h.notes.execute({ id: params.id, ...query }, { actor, requestId });
        return { data: items.map(medicalNoteView), meta: { page: query.page, limit: query.limit, total } };
      },
    }),
    endpoint({
      method: 'POST',
      path: '/api/patients/:id/notes',
      tag,
      summary: 'Add a medical note',
      description: `Notes are never edited: to correct one, add a note with \`correctsNoteId\`. \`appointmentId\` must be an appointment of this patient's (a clinician's own). ${privacy}`,
      access: clinicalRoles,
      rateLimit: 'general',
      params: PatientIdParams,
      body: AddNoteBody,
      responses: [{ status: 201, description: 'Added', data: MedicalNoteData }, ...byIdErrors, ...denied],
      handle: async ({ params, body, actor, requestId }) => ({
        status: 201,
        message: 'Medical note added successfully',
        data: medicalNoteView(
          await h.addNote.execute({ patientId: params.id, ...body }, { actor, requestId }),
        ),
      }),
    }),
    endpoint({
      method: 'PUT',
      path: '/api/patients/:id/medical-history',
      tag,
      summary: "Replace a patient's medical history",
      description: `\`null\` or an empty text clears it. ${privacy}`,
      access: clinicalRoles,
      rateLimit: 'general',
      params: PatientIdParams,
      body: MedicalHistoryBody,
      responses: [{ status: 200, description: 'Updated', data: PatientRecordData }, ...byIdErrors, ...denied],
      handle: async ({ params, body, actor, requestId }) => ({
        message: 'Medical history updated successfully',
        data: patientRecordView(
          await h.setHistory.execute(
            { id: params.id, medicalHistory: body.medicalHistory },
            { actor, requestId },
          ),
        ),
      }),
    }),
  ];
}
