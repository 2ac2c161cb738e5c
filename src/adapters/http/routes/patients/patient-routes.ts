import * as v from 'valibot';
import type { CreatePatientHandler } from '../../../../application/clinical-records/commands/create-patient.js';
import type { UpdatePatientHandler } from '../../../../application/clinical-records/commands/update-patient.js';
import type { GetPatientRecordHandler } from '../../../../application/clinical-records/queries/get-patient-record.js';
import type { ListPatientAppointmentsHandler } from '../../../../application/clinical-records/queries/list-patient-appointments.js';
import type { SearchPatientsHandler } from '../../../../application/clinical-records/queries/search-patients.js';
import { endpoint, type Endpoint } from '../../endpoint.js';
import { AppointmentListItemData, appointmentListItem } from '../appointments/appointment-read-views.js';
import { authErrors } from '../common-responses.js';
import {
  CreatePatientBody,
  PageQuery,
  PatientIdParams,
  PatientRecordData,
  PatientSearchQuery,
  PatientSummaryData,
  UpdatePatientBody,
} from './patient-schemas.js';
import { patientRecordView, patientSummaryView } from './patient-record-view.js';

export interface PatientHandlers {
  search: SearchPatientsHandler;
  get: GetPatientRecordHandler;
  create: CreatePatientHandler;
  update: UpdatePatientHandler;
  appointments: ListPatientAppointmentsHandler;
}

const tag = 'Patients';
const deskRoles = ['ADMIN', 'MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'] as const;
const denied = authErrors(['UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN']);
const byIdErrors = authErrors(['VALIDATION_ERROR', 'NOT_FOUND']);

export function patientRoutes(h: PatientHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/patients',
      tag,
      summary: 'Search patients by name and phone',
      description:
        '`search` matches any part of the name, in any case, with or without accents. `phone` takes a whole number in any common Indian format (matched exactly) or some of its digits (matched anywhere). Newest first.',
      access: { kind: 'staff', roles: deskRoles },
      rateLimit: 'general',
      query: PatientSearchQuery,
      responses: [
        {
          status: 200,
          description: 'Patients, with `meta` (page, limit, total)',
          data: v.array(PatientSummaryData),
        },
        ...authErrors(['VALIDATION_ERROR']),
        ...denied,
      ],
      handle: async ({ query }) => {
        const { items, total } = await h.search.execute(query);
        return {
          data: items.map(patientSummaryView),
          meta: { page: query.page, limit: query.limit, total },
        };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/patients/:id',
      tag,
      summary: 'One patient',
      description:
        "`medicalHistory` is present only for ADMIN and the patient's clinicians (each such read is audited). A clinician reaches only patients they have or had an appointment with.",
      access: { kind: 'staff', roles: [...deskRoles, 'CLINICIAN'] },
      rateLimit: 'general',
      params: PatientIdParams,
      responses: [
        { status: 200, description: 'The patient', data: PatientRecordData },
        ...byIdErrors,
        ...denied,
      ],
      handle: async ({ params, actor, requestId }) => ({
        data: patientRecordView(await h.get.execute(params, { actor, requestId })),
      }),
    }),
    endpoint({
      method: 'POST',
      path: '/api/patients',
      tag,
      summary: 'Register a patient',
      description:
        'One patient per phone. `source` says how they came to the clinic (WALK_IN when left out).',
      access: { kind: 'staff', roles: deskRoles },
      rateLimit: 'general',
      body: CreatePatientBody,
      responses: [
        { status: 201, description: 'Created', data: PatientRecordData },
        ...authErrors(['VALIDATION_ERROR', 'DUPLICATE_ENTRY']),
        ...denied,
      ],
      handle: async ({ body }) => ({
        status: 201,
        message: 'Patient created successfully',
        data: patientRecordView(await h.create.execute(body)),
      }),
    }),
    endpoint({
      method: 'PUT',
      path: '/api/patients/:id',
      tag,
      summary: "Update a patient's details (any subset)",
      description: 'Medical history is written through `PUT /api/patients/:id/medical-history`.',
      access: { kind: 'staff', roles: deskRoles },
      rateLimit: 'general',
      params: PatientIdParams,
      body: UpdatePatientBody,
      responses: [
        { status: 200, description: 'Updated', data: PatientRecordData },
        ...byIdErrors,
        ...authErrors(['DUPLICATE_ENTRY']),
        ...denied,
      ],
      handle: async ({ params, body }) => ({
        message: 'Patient updated successfully',
        data: patientRecordView(await h.update.execute({ id: params.id, changes: body })),
      }),
    }),
    endpoint({
      method: 'GET',
      path: '/api/patients/:id/appointments',
      tag,
      summary: "A patient's appointments",
      description:
        "By start. A clinician sees their own appointments with their own patients; staff tied to a centre that centre's.",
      access: { kind: 'staff', roles: [...deskRoles, 'CLINICIAN'] },
      rateLimit: 'general',
      params: PatientIdParams,
      query: PageQuery,
      responses: [
        {
          status: 200,
          description: 'Appointments, with `meta` (page, limit, total)',
          data: v.array(AppointmentListItemData),
        },
        ...byIdErrors,
        ...denied,
      ],
      handle: async ({ params, query, actor }) => {
        const { items, total } = await h.appointments.execute({ id: params.id, ...query }, actor);
        return {
          data: items.map(appointmentListItem),
          meta: { page: query.page, limit: query.limit, total },
        };
      },
    }),
  ];
}
