import type { Access, Endpoint, RateLimitClass } from './endpoint.js';
import { responsesOf } from './openapi-responses.js';
import { ERROR_ENVELOPE, RATE_LIMIT_HEADERS, jsonSchemaOf, type JsonSchema } from './openapi-schema.js';

export interface ApiInfo {
  title: string;
  version: string;
  description?: string;
}

export type OpenApiDocument = JsonSchema & { openapi: '3.1.0'; paths: Record<string, JsonSchema> };

const RATE_LIMITS: Record<RateLimitClass, string> = {
  otp: 'OTP sends (per phone and per IP)',
  auth: 'authentication (per identifier and per IP)',
  general: 'general (per user, or per IP without a token)',
  none: 'not limited',
};

/** Who may call, as one line: "Public", "Patient token", "Roles: ADMIN, MANAGER", … */
export function accessLine(access: Access): string {
  const staff = (roles: Extract<Access, { roles: unknown }>['roles']) =>
    roles === 'any' ? 'Staff token (any role)' : `Roles: ${roles.join(', ')}`;
  switch (access.kind) {
    case 'public':
      return 'Public';
    case 'patient':
      return 'Patient token';
    case 'staff':
      return staff(access.roles);
    case 'staff-or-patient':
      return `${staff(access.roles)}; or patient token`;
  }
}

/** The OpenAPI 3.1 document of every JSON endpoint, derived from the declarations alone. */
export function buildOpenApiDocument(endpoints: Endpoint[], info: ApiInfo): OpenApiDocument {
  const schemas: Record<string, JsonSchema> = { ErrorEnvelope: ERROR_ENVELOPE };
  const paths: Record<string, JsonSchema> = {};
  const tags: string[] = [];
  for (const ep of endpoints) {
    if (ep.raw) continue;
    if (!tags.includes(ep.tag)) tags.push(ep.tag);
    const path = ep.path.replace(/:(\w+)/g, '{$1}');
    paths[path] = { ...paths[path], [ep.method.toLowerCase()]: operationOf(ep, schemas) };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/' }],
    tags: tags.map((name) => ({ name })),
    paths,
    components: {
      schemas,
      headers: RATE_LIMIT_HEADERS,
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}

function operationOf(ep: Endpoint, schemas: Record<string, JsonSchema>): JsonSchema {
  const who = accessLine(ep.access);
  const parameters = [...parametersOf(ep, 'path', schemas), ...parametersOf(ep, 'query', schemas)];
  const body = ep.body ? jsonSchemaOf(ep.body, 'input', schemas) : undefined;
  return {
    tags: [ep.tag],
    summary: ep.summary,
    description: [ep.description, `**Access:** ${who}`, `**Rate limit:** ${RATE_LIMITS[ep.rateLimit]}`]
      .filter(Boolean)
      .join('\n\n'),
    operationId: operationId(ep),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: Array.isArray(body.required) && body.required.length > 0,
            content: { 'application/json': { schema: body } },
          },
        }
      : {}),
    responses: responsesOf(ep, schemas),
    ...(ep.access.kind === 'public' ? {} : { security: [{ bearerAuth: [] }] }),
    'x-roles': who,
    'x-rate-limit': ep.rateLimit,
  };
}

/** Path and query parameters, one per property of the route's object schema. */
function parametersOf(ep: Endpoint, where: 'path' | 'query', schemas: Record<string, JsonSchema>) {
  const declared = where === 'path' ? ep.params : ep.query;
  const object = declared ? jsonSchemaOf(declared, 'input', schemas) : {};
  const properties = (object.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((object.required ?? []) as string[]);
  // Every `:name` in the path is a parameter, declared with a schema or not.
  if (where === 'path') {
    for (const [, name] of ep.path.matchAll(/:(\w+)/g)) properties[name!] ??= { type: 'string' };
  }
  return Object.entries(properties).map(([name, schema]) => ({
    name,
    in: where,
    required: where === 'path' || required.has(name),
    schema,
  }));
}

/** `POST /api/auth/login/phone-otp` → `postAuthLoginPhoneOtp`; `:id` → `ById`. */
function operationId(ep: Endpoint): string {
  const words = ep.path
    .replace(/^\/api\//, '')
    .split(/[/\-_]+/)
    .filter(Boolean)
    .map((w) => (w.startsWith(':') ? `By${cap(w.slice(1))}` : cap(w)));
  return ep.method.toLowerCase() + words.join('');
}

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
