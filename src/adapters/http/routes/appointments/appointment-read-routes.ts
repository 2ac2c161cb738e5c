import * as v from 'valibot';
import type { GetAppointmentHandler } from '../../../../application/booking/queries/get-appointment.js';
import type { GetClinicianAgendaHandler } from '../../../../application/booking/queries/get-clinician-agenda.js';
import type { ListAppointmentsHandler } from '../../../../application/booking/queries/list-appointments.js';
import { APPOINTMENT_STATUSES } from '../../../../domain/booking/appointment-status.js';
import { endpoint, type Endpoint } from '../../endpoint.js';
import { idParam, localDate, pagination } from '../../schemas/common.js';
import { authErrors } from '../common-responses.js';
import {
  agendaItem,
  AgendaData,
  appointmentDetail,
  AppointmentDetailData,
  appointmentListItem,
  AppointmentListItemData,
} from './appointment-read-views.js';

export interface AppointmentReadHandlers {
  list: ListAppointmentsHandler;
  get: GetAppointmentHandler;
  agenda: GetClinicianAgendaHandler;
}

const tag = 'Appointments';
const deskRoles = ['ADMIN', 'MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'] as const;
const denied = authErrors(['UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN']);

const ListQuery = v.strictObject({
  centreId: v.optional(idParam),
  clinicianId: v.optional(idParam),
  patientId: v.optional(idParam),
  date: v.optional(localDate),
  status: v.optional(v.picklist(APPOINTMENT_STATUSES, `Must be one of ${APPOINTMENT_STATUSES.join(', ')}`)),
  ...pagination,
});
const PageQuery = v.strictObject({ ...pagination });
const IdParams = v.strictObject({ id: idParam });

export function appointmentReadRoutes(h: AppointmentReadHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/appointments',
      tag,
      summary: 'Appointments, filtered by centre, clinician, patient, date and status',
      description:
        "`date` is a day at each appointment's centre; dates and times are wall-clock times there. Staff tied to a centre see only that centre's appointments.",
      access: { kind: 'staff', roles: deskRoles },
      rateLimit: 'general',
      query: ListQuery,
      responses: [
        {
          status: 200,
          description: 'Appointments by start, with `meta` (page, limit, total)',
          data: v.array(AppointmentListItemData),
        },
        ...authErrors(['VALIDATION_ERROR']),
        ...denied,
      ],
      handle: async ({ query, actor }) => {
        const { items, total } = await h.list.execute(query, actor);
        return {
          data: items.map(appointmentListItem),
          meta: { page: query.page, limit: query.limit, total },
        };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/appointments/my-appointments',
      tag,
      summary: "The calling clinician's current, upcoming and past appointments",
      description:
        "Each list is paged on its own (`page`, `limit`); `meta.total` gives each list's size. Upcoming by start, past most recent first; cancelled appointments show only in the past.",
      access: { kind: 'staff', roles: ['CLINICIAN'] },
      rateLimit: 'general',
      query: PageQuery,
      responses: [
        { status: 200, description: 'Appointments', data: AgendaData },
        ...authErrors(['VALIDATION_ERROR']),
        ...denied,
      ],
      handle: async ({ query, actor }) => {
        const { current, upcoming, past } = await h.agenda.execute(query, actor);
        return {
          data: {
            current: current.items.map(agendaItem),
            upcoming: upcoming.items.map(agendaItem),
            past: past.items.map(agendaItem),
          },
          meta: {
            page: query.page,
            limit: query.limit,
            total: { current: current.total, upcoming: upcoming.total, past: past.total },
          },
        };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/appointments/:id',
      tag,
      summary: 'One appointment',
      description: "Clinicians see only their own appointments; staff tied to a centre only that centre's.",
      access: { kind: 'staff', roles: [...deskRoles, 'CLINICIAN'] },
      rateLimit: 'general',
      params: IdParams,
      responses: [
        { status: 200, description: 'The appointment', data: AppointmentDetailData },
        ...authErrors(['VALIDATION_ERROR', 'NOT_FOUND']),
        ...denied,
      ],
      handle: async ({ params, actor }) => ({ data: appointmentDetail(await h.get.execute(params, actor)) }),
    }),
  ];
}
