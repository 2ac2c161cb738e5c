import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import type { ErrorCode } from '../../domain/shared/domain-error.js';
import { STATUS_BY_CODE } from './error-status.js';

export type JsonSchema = Record<string, unknown>;

/**
 * Valibot → JSON Schema 2020-12 (OpenAPI 3.1's dialect). Requests are described by what a client
 * sends (`input`: conversion stops at the first transformation), responses by what the server
 * returns (`output`). Recursive schemas' `$defs` move into `components.schemas` so refs resolve.
 */
export function jsonSchemaOf(
  schema: v.GenericSchema,
  mode: 'input' | 'output',
  components: Record<string, JsonSchema>,
): JsonSchema {
  const converted = toJsonSchema(schema, {
    target: 'draft-2020-12',
    errorMode: 'ignore',
    typeMode: mode,
    overrideRef: ({ referenceId }) => `#/components/schemas/${referenceId}`,
  }) as JsonSchema;
  const { $schema: _dialect, $defs, ...rest } = converted;
  Object.assign(components, $defs as Record<string, JsonSchema> | undefined);
  return rest;
}

/** The success envelope around one status's `data` schemas (none, one, or several alternatives). */
export function successEnvelope(data: JsonSchema[]): JsonSchema {
  const dataSchema = data.length > 1 ? { anyOf: data } : data[0];
  return {
    type: 'object',
    properties: {
      success: { const: true },
      message: { type: 'string' },
      ...(dataSchema ? { data: dataSchema } : {}),
      meta: { type: 'object', description: 'Pagination of lists: page, limit, total' },
    },
    required: dataSchema ? ['success', 'data'] : ['success'],
  };
}

export const ERROR_ENVELOPE: JsonSchema = {
  type: 'object',
  properties: {
    success: { const: false },
    error: {
      type: 'object',
      properties: {
        code: { type: 'string', enum: Object.keys(STATUS_BY_CODE) as ErrorCode[] },
        message: { type: 'string' },
        details: {
          type: 'object',
          description: 'Per-field problems for VALIDATION_ERROR; more context for some other codes',
        },
        retryAfter: { type: 'integer', description: 'Seconds to wait (RATE_LIMIT_EXCEEDED only)' },
      },
      required: ['code', 'message'],
    },
  },
  required: ['success', 'error'],
};

export const RATE_LIMIT_HEADERS: Record<string, { description: string; schema: JsonSchema }> = {
  'X-RateLimit-Limit': {
    description: 'Requests allowed in the window',
    schema: { type: 'integer' },
  },
  'X-RateLimit-Remaining': {
    description: 'Requests left in the window',
    schema: { type: 'integer' },
  },
  'X-RateLimit-Reset': {
    description: 'When the window resets, in epoch seconds',
    schema: { type: 'integer' },
  },
};
