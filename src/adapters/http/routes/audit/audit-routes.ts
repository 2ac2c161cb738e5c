import * as v from 'valibot';
import type { ListAuditEntriesHandler } from '../../../../application/clinical-records/queries/list-audit-entries.js';
import { AUDIT_ACTIONS } from '../../../../domain/clinical-records/audit-action.js';
import { STAFF_ROLE_NAMES } from '../../../../domain/identity/role.js';
import { endpoint, type Endpoint } from '../../endpoint.js';
import { idParam, pagination } from '../../schemas/common.js';
import { authErrors } from '../common-responses.js';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A day (`YYYY-MM-DD`, UTC) or an instant with its offset; `to` includes the whole day or the instant. */
const when = (edge: 'from' | 'to') =>
  v.pipe(
    v.string(),
    v.regex(
      /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/,
      'Must be a date YYYY-MM-DD or an ISO 8601 instant',
    ),
    v.check((s) => !Number.isNaN(Date.parse(s)), 'Not a real date'),
    v.transform((s) => {
      const at = new Date(DAY.test(s) ? `${s}T00:00:00Z` : s);
      if (edge === 'from') return at;
      return new Date(at.getTime() + (DAY.test(s) ? 86_400_000 : 1));
    }),
  );

const AuditQuery = v.strictObject({
  patientId: v.optional(idParam),
  actorId: v.optional(idParam),
  from: v.optional(when('from')),
  to: v.optional(when('to')),
  ...pagination,
});

const AuditEntryData = v.object({
  id: v.number(),
  actorId: v.number(),
  actorRole: v.picklist(STAFF_ROLE_NAMES),
  patientId: v.number(),
  action: v.picklist(AUDIT_ACTIONS),
  noteId: v.nullable(v.number()),
  requestId: v.string(),
  at: v.string(),
});

export function auditRoutes(h: { list: ListAuditEntriesHandler }): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/audit',
      tag: 'Audit',
      summary: 'The clinical audit log, newest first',
      description:
        'Every read and write of medical history and medical notes: who, in which role, which patient, what, when and in which request (`X-Request-Id`). `from` and `to` take a day (UTC) or an instant, both inclusive.',
      access: { kind: 'staff', roles: ['ADMIN'] },
      rateLimit: 'general',
      query: AuditQuery,
      responses: [
        {
          status: 200,
          description: 'Entries, with `meta` (page, limit, total)',
          data: v.array(AuditEntryData),
        },
        ...authErrors(['VALIDATION_ERROR', 'UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN']),
      ],
      handle: async ({ query }) => {
        const { items, total } = await h.list.execute(query);
        return {
          data: items.map((e) => ({ ...e, at: e.at.toISOString() })),
          meta: { page: query.page, limit: query.limit, total },
        };
      },
    }),
  ];
}
