import * as v from 'valibot';
import type { CancelAppointmentHandler } from '../../../../application/booking/commands/cancel-appointment.js';
import type { RateAppointmentHandler } from '../../../../application/patient-dashboard/commands/rate-appointment.js';
import type { UpdateMyProfileHandler } from '../../../../application/patient-dashboard/commands/update-my-profile.js';
import type { PatientDashboardQueries } from '../../../../application/patient-dashboard/queries/patient-dashboard-queries.js';
import { endpoint, patientOnly, type Endpoint } from '../../endpoint.js';
import { AppointmentIdParams, CancelBody } from '../booking/booking-command-schemas.js';
import { authErrors, messageOnly } from '../common-responses.js';
import { patientDenied, tag } from './patient-dashboard-read-routes.js';
import { ProfileBody, ProfileData, RatingBody } from './patient-dashboard-schemas.js';

export interface PatientDashboardCommandHandlers {
  queries: PatientDashboardQueries;
  updateProfile: UpdateMyProfileHandler;
  cancel: CancelAppointmentHandler;
  rate: RateAppointmentHandler;
}

const notFound = authErrors(['VALIDATION_ERROR', 'NOT_FOUND']);

/** The patient's own changes: profile, cancelling (the booking rules' cut-off), rating a session. */
export function patientDashboardCommandRoutes(h: PatientDashboardCommandHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'PUT',
      path: '/api/patient/profile',
      tag,
      summary: 'Update my profile',
      description:
        'Any of the fields; `null` clears an optional one. Date of birth not in the future; phones in any common Indian format, stored as E.164. The login phone is not changed here.',
      access: patientOnly,
      rateLimit: 'general',
      body: ProfileBody,
      responses: [
        { status: 200, description: 'Updated', data: ProfileData },
        ...authErrors(['VALIDATION_ERROR']),
        ...patientDenied,
      ],
      handle: async ({ body, actor }) => {
        await h.updateProfile.execute(body, actor);
        return { message: 'Profile updated successfully', data: await h.queries.profile(actor) };
      },
    }),
    endpoint({
      method: 'POST',
      path: '/api/patient/appointments/:id/cancel',
      tag,
      summary: 'Cancel my appointment (until the cut-off before it starts)',
      access: patientOnly,
      rateLimit: 'general',
      params: AppointmentIdParams,
      body: CancelBody,
      responses: [
        messageOnly('Cancelled'),
        ...notFound,
        ...authErrors(['INVALID_STATE_TRANSITION']),
        ...patientDenied,
      ],
      handle: async ({ params, body, actor }) => {
        await h.cancel.byPatient({ id: params.id, reason: body.reason }, actor);
        return { message: 'Appointment cancellation requested' };
      },
    }),
    endpoint({
      method: 'POST',
      path: '/api/patient/appointments/:id/rating',
      tag,
      summary: 'Rate my completed session (once)',
      description:
        'A whole number 1–5 and an optional comment. Only a COMPLETED appointment (else 409 INVALID_STATE_TRANSITION); a second rating is 409 DUPLICATE_ENTRY.',
      access: patientOnly,
      rateLimit: 'general',
      params: AppointmentIdParams,
      body: RatingBody,
      responses: [
        { status: 201, description: 'Rated', data: v.object({ id: v.number() }) },
        ...notFound,
        ...authErrors(['INVALID_STATE_TRANSITION', 'DUPLICATE_ENTRY']),
        ...patientDenied,
      ],
      handle: async ({ params, body, actor }) => {
        const rated = await h.rate.execute({ appointmentId: params.id, ...body }, actor);
        return { status: 201, message: 'Thank you for your rating', data: rated };
      },
    }),
  ];
}
