import * as v from 'valibot';
import type { CreateClinicianHandler } from '../../../../application/scheduling/commands/create-clinician.js';
import type { ManageClinicianHandler } from '../../../../application/scheduling/commands/manage-clinician.js';
import type { SetClinicianScheduleHandler } from '../../../../application/scheduling/commands/set-clinician-schedule.js';
import type { ClinicianQueries } from '../../../../application/scheduling/queries/clinician-queries.js';
import { rupeesToPaise } from '../../../../domain/shared/money.js';
import { endpoint, publicAccess, type Endpoint } from '../../endpoint.js';
import { authErrors } from '../common-responses.js';
import {
  AvailabilityBody,
  ClinicianIdParams,
  ClinicianListQuery,
  CreateClinicianBody,
  ExceptionsBody,
  UpdateClinicianBody,
} from './clinician-schemas.js';
import { ClinicianData, clinicianView, ExceptionData, RuleData } from './clinician-view.js';

export interface ClinicianHandlers {
  create: CreateClinicianHandler;
  manage: ManageClinicianHandler;
  schedule: SetClinicianScheduleHandler;
  queries: ClinicianQueries;
}

const tag = 'Clinicians';
const managers = { kind: 'staff', roles: ['ADMIN', 'MANAGER', 'CENTRE_MANAGER'] } as const;
const staffErrors = authErrors(['VALIDATION_ERROR', 'UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND']);

export function clinicianRoutes(h: ClinicianHandlers): Endpoint[] {
  const publicReads = [
    endpoint({
      method: 'GET',
      path: '/api/clinicians',
      tag,
      summary: 'Clinicians, filtered by centre and specialization',
      description:
        'Public: active clinicians without contact details. ADMIN, MANAGER and CENTRE_MANAGER also see inactive ones and contacts.',
      access: publicAccess,
      rateLimit: 'general',
      query: ClinicianListQuery,
      responses: [
        { status: 200, description: 'Clinicians', data: v.array(ClinicianData) },
        ...authErrors(['VALIDATION_ERROR']),
      ],
      handle: async ({ query, actor }) => {
        const { items, total } = await h.queries.list(query, actor);
        return { data: items.map(clinicianView), meta: { page: query.page, limit: query.limit, total } };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/clinicians/:id',
      tag,
      summary: 'One clinician',
      access: publicAccess,
      rateLimit: 'general',
      params: ClinicianIdParams,
      responses: [
        { status: 200, description: 'Clinician', data: ClinicianData },
        ...authErrors(['VALIDATION_ERROR', 'NOT_FOUND']),
      ],
      handle: async ({ params, actor }) => ({ data: clinicianView(await h.queries.get(params.id, actor)) }),
    }),
    endpoint({
      method: 'GET',
      path: '/api/clinicians/:id/availability',
      tag,
      summary: "A clinician's weekly availability rules",
      access: publicAccess,
      rateLimit: 'general',
      params: ClinicianIdParams,
      responses: [
        { status: 200, description: 'Rules', data: v.array(RuleData) },
        ...authErrors(['VALIDATION_ERROR', 'NOT_FOUND']),
      ],
      handle: async ({ params, actor }) => ({ data: await h.queries.availability(params.id, actor) }),
    }),
    endpoint({
      method: 'GET',
      path: '/api/clinicians/:id/exceptions',
      tag,
      summary: "A clinician's date exceptions from today on (leave, holidays, special hours)",
      access: publicAccess,
      rateLimit: 'general',
      params: ClinicianIdParams,
      responses: [
        { status: 200, description: 'Exceptions', data: v.array(ExceptionData) },
        ...authErrors(['VALIDATION_ERROR', 'NOT_FOUND']),
      ],
      handle: async ({ params, actor }) => ({ data: await h.queries.exceptions(params.id, actor) }),
    }),
  ];
  return [...publicReads, ...managementRoutes(h)];
}

function managementRoutes(h: ClinicianHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'POST',
      path: '/api/clinicians',
      tag,
      summary: 'Create a clinician and their staff login',
      access: managers,
      rateLimit: 'general',
      body: CreateClinicianBody,
      responses: [
        {
          status: 201,
          description: 'Created',
          data: v.object({ id: v.number(), userId: v.number(), fullName: v.string() }),
        },
        ...staffErrors,
        ...authErrors(['DUPLICATE_ENTRY']),
      ],
      handle: async ({ body, actor }) => {
        const {
          consultationFee,
          defaultConsultationDurationMinutes,
          profilePictureUrl,
          email,
          username,
          ...rest
        } = body;
        const created = await h.create.execute(
          {
            ...rest,
            email: email ?? null,
            username: username?.toLowerCase() ?? null,
            profilePictureUrl: profilePictureUrl ?? null,
            feePaise: rupeesToPaise(consultationFee, 'consultationFee'),
            consultationMinutes: defaultConsultationDurationMinutes ?? 60,
          },
          actor,
        );
        return { status: 201, message: 'Clinician created successfully', data: created };
      },
    }),
    endpoint({
      method: 'PUT',
      path: '/api/clinicians/:id',
      tag,
      summary: "Update a clinician's profile, fee or session length",
      access: managers,
      rateLimit: 'general',
      params: ClinicianIdParams,
      body: UpdateClinicianBody,
      responses: [{ status: 200, description: 'Updated', data: ClinicianData }, ...staffErrors],
      handle: async ({ params, body, actor }) => {
        const { consultationFee, defaultConsultationDurationMinutes, ...rest } = body;
        const changes = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
        await h.manage.update(
          params.id,
          {
            ...changes,
            ...(consultationFee !== undefined
              ? { feePaise: rupeesToPaise(consultationFee, 'consultationFee') }
              : {}),
            ...(defaultConsultationDurationMinutes !== undefined
              ? { consultationMinutes: defaultConsultationDurationMinutes }
              : {}),
          },
          actor,
        );
        return {
          message: 'Clinician updated successfully',
          data: clinicianView(await h.queries.get(params.id, actor)),
        };
      },
    }),
    endpoint({
      method: 'DELETE',
      path: '/api/clinicians/:id',
      tag,
      summary: 'Remove a clinician (soft delete; their login is deactivated)',
      access: managers,
      rateLimit: 'general',
      params: ClinicianIdParams,
      responses: [{ status: 200, description: 'Deleted' }, ...staffErrors],
      handle: async ({ params, actor }) => {
        await h.manage.softDelete(params.id, actor);
        return { message: 'Clinician deleted successfully' };
      },
    }),
    endpoint({
      method: 'PATCH',
      path: '/api/clinicians/:id/toggle-active',
      tag,
      summary: 'Activate or deactivate a clinician',
      access: managers,
      rateLimit: 'general',
      params: ClinicianIdParams,
      responses: [{ status: 200, description: 'Toggled', data: ClinicianData }, ...staffErrors],
      handle: async ({ params, actor }) => {
        const active = await h.manage.toggleActive(params.id, actor);
        const data = clinicianView(await h.queries.get(params.id, actor));
        return { message: active ? 'Clinician activated' : 'Clinician deactivated', data };
      },
    }),
    endpoint({
      method: 'PUT',
      path: '/api/clinicians/:id/availability',
      tag,
      summary: 'Replace the weekly availability rules',
      access: managers,
      rateLimit: 'general',
      params: ClinicianIdParams,
      body: AvailabilityBody,
      responses: [{ status: 200, description: 'Replaced', data: v.array(RuleData) }, ...staffErrors],
      handle: async ({ params, body, actor }) => {
        await h.schedule.replaceAvailability(params.id, body.availabilityRules, actor);
        return {
          message: 'Availability updated successfully',
          data: await h.queries.availability(params.id, actor),
        };
      },
    }),
    endpoint({
      method: 'PUT',
      path: '/api/clinicians/:id/exceptions',
      tag,
      summary: 'Replace the date exceptions from today on',
      access: managers,
      rateLimit: 'general',
      params: ClinicianIdParams,
      body: ExceptionsBody,
      responses: [{ status: 200, description: 'Replaced', data: v.array(ExceptionData) }, ...staffErrors],
      handle: async ({ params, body, actor }) => {
        await h.schedule.replaceExceptions(params.id, body.exceptions, actor);
        return {
          message: 'Exceptions updated successfully',
          data: await h.queries.exceptions(params.id, actor),
        };
      },
    }),
  ];
}
