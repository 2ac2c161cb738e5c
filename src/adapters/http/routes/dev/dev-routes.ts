import * as v from 'valibot';
import type { DevOutbox } from '../../../gateways/fake-messaging/dev-outbox.js';
import { endpoint, publicAccess, type Endpoint } from '../../endpoint.js';
import { phone } from '../../schemas/common.js';

const OutboxQuery = v.strictObject({ to: v.optional(phone) });

const OutboxData = v.array(
  v.object({
    id: v.number(),
    channel: v.picklist(['whatsapp', 'sms']),
    to: v.string(),
    template: v.string(),
    text: v.string(),
    createdAt: v.string(),
  }),
);

/** Mounted only outside production and only while messaging runs on the fake gateways. */
export function devRoutes(outbox: DevOutbox): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/dev/outbox',
      tag: 'Development',
      summary: 'Messages the fake WhatsApp and SMS gateways sent, newest first',
      description:
        'Exists only with fake messaging gateways and never in production. OTP texts contain the code.',
      access: publicAccess,
      rateLimit: 'none',
      query: OutboxQuery,
      responses: [{ status: 200, description: 'Sent messages', data: OutboxData }],
      handle: async ({ query }) => ({ data: await outbox.list(query.to) }),
    }),
  ];
}
