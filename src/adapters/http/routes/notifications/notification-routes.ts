import * as v from 'valibot';
import type { SendAppointmentMessageHandler } from '../../../../application/messaging/commands/send-appointment-message.js';
import type { NotificationQueries } from '../../../../application/messaging/queries/notification-queries.js';
import { NOTIFICATION_STATUSES, NOTIFICATION_TYPES } from '../../../../domain/messaging/notification.js';
import { endpoint, type Endpoint } from '../../endpoint.js';
import { bodyId, idParam, localDate, pagination } from '../../schemas/common.js';
import { authErrors } from '../common-responses.js';
import {
  ManualSendData,
  NotificationDetailData,
  notificationDetail,
  notificationItem,
  NotificationItemData,
  NotificationStatsData,
} from './notification-views.js';

export interface NotificationHandlers {
  send: SendAppointmentMessageHandler;
  queries: NotificationQueries;
}

const tag = 'Notifications';
const denied = authErrors(['UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN']);
const SendBody = v.strictObject({ appointmentId: bodyId });
const range = { startDate: v.optional(localDate), endDate: v.optional(localDate) };
const HistoryQuery = v.strictObject({
  patientId: v.optional(idParam),
  appointmentId: v.optional(idParam),
  notificationType: v.optional(
    v.picklist(NOTIFICATION_TYPES, `Must be one of ${NOTIFICATION_TYPES.join(', ')}`),
  ),
  status: v.optional(v.picklist(NOTIFICATION_STATUSES, `Must be one of ${NOTIFICATION_STATUSES.join(', ')}`)),
  ...range,
  ...pagination,
});
const StatsQuery = v.strictObject(range);
const IdParams = v.strictObject({ id: idParam });
const sendErrors = [
  ...authErrors(['VALIDATION_ERROR', 'NOT_FOUND', 'INVALID_STATE_TRANSITION', 'GATEWAY_UNAVAILABLE']),
  ...denied,
];
const dates = 'Dates are days in Asia/Kolkata, both included.';

function manualSend(
  h: NotificationHandlers,
  kind: 'confirmation' | 'reminder',
  roles: readonly ('ADMIN' | 'MANAGER' | 'CENTRE_MANAGER' | 'CARE_COORDINATOR' | 'FRONT_DESK')[],
): Endpoint {
  const what = kind === 'confirmation' ? 'Appointment confirmation' : 'Appointment reminder';
  return endpoint({
    method: 'POST',
    path: `/api/notifications/appointment-${kind}`,
    tag,
    summary: `Send the ${what.toLowerCase()} again on WhatsApp`,
    description:
      'A deliberate resend: each call records and sends one new message. The appointment must be CONFIRMED. `status` is PENDING when the provider could not be reached; it is retried in the background.',
    access: { kind: 'staff', roles },
    rateLimit: 'general',
    body: SendBody,
    responses: [{ status: 200, description: `${what} sent`, data: ManualSendData }, ...sendErrors],
    handle: async ({ body, actor }) => {
      const result = await h.send.execute({ appointmentId: body.appointmentId, kind }, actor);
      const message =
        result.status === 'SENT' ? `${what} sent successfully` : `${what} queued; it will be retried`;
      return { message, data: result };
    },
  });
}

export function notificationRoutes(h: NotificationHandlers): Endpoint[] {
  return [
    manualSend(h, 'confirmation', ['ADMIN', 'MANAGER', 'CENTRE_MANAGER', 'CARE_COORDINATOR', 'FRONT_DESK']),
    manualSend(h, 'reminder', ['ADMIN', 'MANAGER']),
    endpoint({
      method: 'GET',
      path: '/api/notifications/history',
      tag,
      summary: 'Recorded messages, newest first',
      description: `OTPs are never recorded. ${dates} Paginated (\`page\`, \`limit\`) with \`meta\`.`,
      access: { kind: 'staff', roles: ['ADMIN', 'MANAGER'] },
      rateLimit: 'general',
      query: HistoryQuery,
      responses: [
        { status: 200, description: 'Messages', data: v.array(NotificationItemData) },
        ...authErrors(['VALIDATION_ERROR']),
        ...denied,
      ],
      handle: async ({ query, actor }) => {
        const { items, total } = await h.queries.history(query, actor);
        return { data: items.map(notificationItem), meta: { page: query.page, limit: query.limit, total } };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/notifications/stats',
      tag,
      summary: 'Messages sent and failed, success rate, and messages sent by type',
      description: `successRate = sent ÷ (sent + failed) × 100, one decimal. ${dates}`,
      access: { kind: 'staff', roles: ['ADMIN', 'MANAGER'] },
      rateLimit: 'general',
      query: StatsQuery,
      responses: [
        { status: 200, description: 'Counts', data: NotificationStatsData },
        ...authErrors(['VALIDATION_ERROR']),
        ...denied,
      ],
      handle: async ({ query, actor }) => ({ data: await h.queries.stats(query, actor) }),
    }),
    endpoint({
      method: 'GET',
      path: '/api/notifications/:id',
      tag,
      summary: 'One recorded message, with its text and delivery state',
      description: "A centre manager sees messages about its centre's appointments only.",
      access: { kind: 'staff', roles: ['ADMIN', 'MANAGER', 'CENTRE_MANAGER'] },
      rateLimit: 'general',
      params: IdParams,
      responses: [
        { status: 200, description: 'The message', data: NotificationDetailData },
        ...authErrors(['VALIDATION_ERROR', 'NOT_FOUND']),
        ...denied,
      ],
      handle: async ({ params, actor }) => ({
        data: notificationDetail(await h.queries.get(params.id, actor)),
      }),
    }),
  ];
}
