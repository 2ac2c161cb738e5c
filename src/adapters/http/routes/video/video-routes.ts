import * as v from 'valibot';
import type { ChangeMeetLinkHandler } from '../../../../application/booking/video/change-meet-link.js';
import type { GenerateMeetLinkHandler } from '../../../../application/booking/video/generate-meet-link.js';
import type { VideoLinkQueries } from '../../../../application/booking/video/video-link-queries.js';
import { endpoint, type Endpoint } from '../../endpoint.js';
import { authErrors, messageOnly } from '../common-responses.js';
import {
  AppointmentParams,
  GenerateBody,
  GeneratedData,
  LinkData,
  LinksQuery,
  MeetLinkBody,
  VideoLinkData,
  videoLinkView,
} from './video-schemas.js';

export interface VideoHandlers {
  generate: GenerateMeetLinkHandler;
  change: ChangeMeetLinkHandler;
  queries: VideoLinkQueries;
}

const tag = 'Video';
const denied = authErrors(['UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN']);
const desk = ['ADMIN', 'MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK'] as const;
const managers = ['ADMIN', 'MANAGER', 'CENTRE_MANAGER'] as const;

/** The spec's Video Conferencing section; centre-bound staff reach their own centre's appointments only. */
export function videoRoutes(h: VideoHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'POST',
      path: '/api/video/generate-meet-link',
      tag,
      summary: 'Make the Google Meet link of an ONLINE appointment',
      description:
        "The meeting follows the appointment: `startTime`/`endTime`, when given, must be its own times. The calendar event is always titled discreetly ('Session at Mibo'), whatever `summary` says. Asking again returns the link it already has. Confirmed ONLINE appointments get theirs automatically.",
      access: { kind: 'staff', roles: desk },
      rateLimit: 'general',
      body: GenerateBody,
      responses: [
        { status: 200, description: 'The link', data: GeneratedData },
        ...authErrors(['VALIDATION_ERROR', 'NOT_FOUND', 'INVALID_STATE_TRANSITION', 'GATEWAY_UNAVAILABLE']),
        ...denied,
      ],
      handle: async ({ body, actor }) => {
        const meeting = await h.generate.execute(body, actor);
        return { data: { meetLink: meeting.meetLink, eventId: meeting.eventId } };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/video/appointment/:id/meet-link',
      tag,
      summary: "An appointment's video link",
      description:
        "For the appointment's patient, its clinician and desk staff (centre-bound staff: their centre). Anyone else, or no link, answers 404.",
      access: { kind: 'staff-or-patient', roles: [...desk, 'CLINICIAN'] },
      rateLimit: 'general',
      params: AppointmentParams,
      responses: [
        { status: 200, description: 'The link', data: LinkData },
        ...authErrors(['VALIDATION_ERROR', 'NOT_FOUND']),
        ...denied,
      ],
      handle: async ({ params, actor }) => ({ data: await h.queries.linkOf(params.id, actor) }),
    }),
    endpoint({
      method: 'PUT',
      path: '/api/video/appointment/:id/meet-link',
      tag,
      summary: "Set an appointment's video link by hand",
      description:
        'A Google Meet link. Any calendar event already made stays, and still follows the appointment.',
      access: { kind: 'staff', roles: managers },
      rateLimit: 'general',
      params: AppointmentParams,
      body: MeetLinkBody,
      responses: [
        { status: 200, description: 'Updated', data: VideoLinkData },
        ...authErrors(['VALIDATION_ERROR', 'NOT_FOUND']),
        ...denied,
      ],
      handle: async ({ params, body, actor }) => {
        const meeting = await h.change.replace({ appointmentId: params.id, meetLink: body.meetLink }, actor);
        return { message: 'Meet link updated successfully', data: videoLinkView(meeting) };
      },
    }),
    endpoint({
      method: 'DELETE',
      path: '/api/video/appointment/:id/meet-link',
      tag,
      summary: "Delete an appointment's video link (and its calendar event)",
      access: { kind: 'staff', roles: managers },
      rateLimit: 'general',
      params: AppointmentParams,
      responses: [
        messageOnly('Deleted'),
        ...authErrors(['VALIDATION_ERROR', 'NOT_FOUND', 'GATEWAY_UNAVAILABLE']),
        ...denied,
      ],
      handle: async ({ params, actor }) => {
        await h.change.remove({ appointmentId: params.id }, actor);
        return { message: 'Meet link deleted successfully' };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/video/links',
      tag,
      summary: 'Every video link, by session time',
      description: "`startDate`/`endDate` are inclusive days at each appointment's centre.",
      access: { kind: 'staff', roles: ['ADMIN', 'MANAGER'] },
      rateLimit: 'general',
      query: LinksQuery,
      responses: [
        { status: 200, description: 'Links, with `meta` (page, limit, total)', data: v.array(VideoLinkData) },
        ...authErrors(['VALIDATION_ERROR']),
        ...denied,
      ],
      handle: async ({ query }) => {
        const { items, total } = await h.queries.list(query);
        return { data: items.map(videoLinkView), meta: { page: query.page, limit: query.limit, total } };
      },
    }),
  ];
}
