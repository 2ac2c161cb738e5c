import * as v from 'valibot';
import type { OutboxJobReads } from '../../../jobs/outbox-job-reads.js';
import { endpoint, type Endpoint } from '../../endpoint.js';
import { pagination } from '../../schemas/common.js';
import { authErrors } from '../common-responses.js';

const STATUSES = ['open', 'done', 'failed'] as const;

const ListQuery = v.strictObject({
  status: v.optional(v.picklist(STATUSES, `Must be one of ${STATUSES.join(', ')}`)),
  ...pagination,
});

const JobData = v.object({
  id: v.number(),
  name: v.string(),
  key: v.string(),
  attempts: v.number(),
  lastError: v.nullable(v.string()),
  runAt: v.string(),
  completedAt: v.nullable(v.string()),
  failedAt: v.nullable(v.string()),
});

/**
 * Background jobs for operators: failed ones stay visible with their last error. An ops view over the
 * outbox table (no domain rule involved), so it reads the table directly. Payloads are never shown.
 */
export function jobRoutes(reads: OutboxJobReads): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/jobs',
      tag: 'Jobs',
      summary: 'Background jobs by status (open, done, failed), without their payloads',
      description:
        'Open jobs by when they are due; done and failed ones most recent first; all jobs newest first when `status` is left out.',
      access: { kind: 'staff', roles: ['ADMIN'] },
      rateLimit: 'general',
      query: ListQuery,
      responses: [
        { status: 200, description: 'Jobs, with `meta` (page, limit, total)', data: v.array(JobData) },
        ...authErrors(['VALIDATION_ERROR', 'UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN']),
      ],
      handle: async ({ query }) => {
        const { items, total } = await reads.list(query);
        return {
          data: items.map((job) => ({
            ...job,
            runAt: job.runAt.toISOString(),
            completedAt: job.completedAt?.toISOString() ?? null,
            failedAt: job.failedAt?.toISOString() ?? null,
          })),
          meta: { page: query.page, limit: query.limit, total },
        };
      },
    }),
  ];
}
