import type { ErrorCode } from '../../domain/shared/domain-error.js';
import type { Endpoint, ResponseDoc } from './endpoint.js';
import { STATUS_BY_CODE } from './error-status.js';
import { jsonSchemaOf, successEnvelope, type JsonSchema } from './openapi-schema.js';

/**
 * The answers every route of a kind can give whether or not it lists them: the router's own
 * validation, authentication and rate limiting.
 */
function implicitErrors(ep: Endpoint): ResponseDoc[] {
  const codes: ErrorCode[] = [];
  if (ep.params || ep.query || ep.body) codes.push('VALIDATION_ERROR');
  if (ep.access.kind !== 'public') codes.push('UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN');
  if (ep.rateLimit !== 'none') codes.push('RATE_LIMIT_EXCEEDED');
  return codes.map((code) => ({ status: STATUS_BY_CODE[code], description: code }));
}

/** One OpenAPI response per status; errors share the `ErrorEnvelope` component. */
export function responsesOf(ep: Endpoint, components: Record<string, JsonSchema>): JsonSchema {
  const byStatus = new Map<number, ResponseDoc[]>();
  for (const doc of [...ep.responses, ...implicitErrors(ep)]) {
    const docs = byStatus.get(doc.status) ?? [];
    if (!docs.some((d) => d.description === doc.description && d.data === doc.data)) docs.push(doc);
    byStatus.set(doc.status, docs);
  }
  const limited = ep.rateLimit !== 'none';
  const responses: JsonSchema = {};
  for (const status of [...byStatus.keys()].sort((a, b) => a - b)) {
    const docs = byStatus.get(status)!;
    const description = [...new Set(docs.map((d) => d.description))].join('; ');
    if (status >= 400) {
      responses[String(status)] = {
        description,
        ...(status === 429 ? { headers: retryAfterHeader() } : {}),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
      };
      continue;
    }
    const data = docs.flatMap((d) => (d.data ? [jsonSchemaOf(d.data, 'output', components)] : []));
    responses[String(status)] = {
      description,
      ...(limited ? { headers: rateLimitHeaders() } : {}),
      content: { 'application/json': { schema: successEnvelope(data) } },
    };
  }
  return responses;
}

function rateLimitHeaders(): JsonSchema {
  const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
  return {
    'X-RateLimit-Limit': ref('X-RateLimit-Limit'),
    'X-RateLimit-Remaining': ref('X-RateLimit-Remaining'),
    'X-RateLimit-Reset': ref('X-RateLimit-Reset'),
  };
}

function retryAfterHeader(): JsonSchema {
  return {
    ...rateLimitHeaders(),
    'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } },
  };
}
