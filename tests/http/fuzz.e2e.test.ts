import fc from 'fast-check';
import type * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Endpoint } from '../../src/adapters/http/endpoint.js';
import { STATUS_BY_CODE } from '../../src/adapters/http/error-status.js';
import { T } from '../../src/bootstrap/tokens.js';
import { patientLogin, seedStaff, staffLogin } from '../support/builders.js';
import { startTestApi, type RequestOptions, type TestApi, type TestResponse } from '../support/test-api.js';

/**
 * Random requests at every declared endpoint (read from the container, so routes added later are
 * fuzzed too): never a 5xx; every refusal exactly the error envelope, with the status of its code;
 * every JSON success `{ success: true, ... }`.
 */

/** ~24 runs per route keeps the file well under a minute on PGlite; FUZZ_RUNS=500 for a long hunt. */
const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 24);
const ERROR_CODES = new Set(Object.keys(STATUS_BY_CODE));
const ERROR_KEYS = ['code', 'message', 'details', 'retryAfter'];
const SUCCESS_KEYS = ['success', 'message', 'data', 'meta'];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const METRICS_TOKEN = 'fuzz-metrics-token';

type Caller = 'none' | 'staff' | 'patient' | 'garbage' | 'malformed' | 'metrics';

type FuzzBody =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; type: string; encoding: string | null };

interface FuzzCase {
  method: string;
  path: string;
  caller: Caller;
  body: FuzzBody;
}

/** Field names a valibot object schema declares (a pipe reports its first schema's entries). */
function fieldsOf(schema: v.GenericSchema | undefined): string[] {
  const entries = (schema as { entries?: Record<string, unknown> } | undefined)?.entries;
  return entries ? Object.keys(entries) : [];
}

const huge = fc.integer({ min: 5_000, max: 70_000 }).map((n) => 'x'.repeat(n));

/** Anything a client might put in a path segment, a query value or a JSON string field. */
const junkString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  huge,
  fc.integer().map(String),
  fc.constantFrom(
    '0',
    '-1',
    '1',
    '2147483647',
    '2147483648',
    '-2147483649',
    '99999999999999999999999',
    '1e309',
    'NaN',
    'Infinity',
    '1.5',
    ' 1',
    '',
    'null',
    'undefined',
    '%',
    '%E0%A4%A',
    '%00',
    '\u0000',
    '\u202e',
    '🙂🙂🙂',
    "'; DROP TABLE staff_users; --",
    '+919876543210',
    '9876543210',
    '123456',
    '2024-02-30',
    '__proto__',
    'constructor',
  ),
);

const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  junkString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, -1, 0),
  fc.jsonValue({ maxDepth: 3 }),
  fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 5 }),
  // nested junk, deep enough to trouble a naive walker
  fc.integer({ min: 20, max: 200 }).map((depth) => {
    let value: unknown = 'leaf';
    for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
    return value;
  }),
);

const extraKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('roleId', 'status', 'paymentStatus', 'isActive', '__proto__', 'constructor', 'toString'),
);

const rawText = fc.oneof(
  fc.constantFrom(
    '{',
    '{"phone":',
    '[1,2',
    'not json',
    '{"a":1}{"b":2}',
    '\u0000',
    'null',
    '"\\ud800"',
    '{"a":"\\u0000"}',
    '{"__proto__":{"x":1}}',
    '{"constructor":{"prototype":{"x":1}}}',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.integer({ min: 1, max: 5_000 }).map((n) => '['.repeat(n) + ']'.repeat(n)),
  fc.integer({ min: 101, max: 160 }).map((kb) => JSON.stringify({ phone: 'x'.repeat(kb * 1024) })),
);

const rawBody: fc.Arbitrary<FuzzBody> = fc.record({
  kind: fc.constant('raw' as const),
  text: rawText,
  type: fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'application/vnd.api+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
  ),
  encoding: fc.option(fc.constantFrom('gzip', 'deflate', 'br', 'identity', 'x-unknown'), {
    freq: 3,
    nil: null,
  }),
});

/** Random JSON; objects of the route's own field names with wrong values and extra keys; raw bytes. */
function bodyFor(ep: Endpoint): fc.Arbitrary<FuzzBody> {
  const fields = fieldsOf(ep.body);
  const known = fields.length > 0 ? fc.constantFrom(...fields) : fc.constant('phone');
  const mixed = fc
    .tuple(
      fc.dictionary(known, junkValue, { maxKeys: Math.max(fields.length, 1) }),
      fc.option(fc.dictionary(extraKey, junkValue, { minKeys: 1, maxKeys: 3 })),
    )
    .map(([own, extra]) => ({ ...own, ...extra }));
  // plausible values for the usual fields, so that requests also get past validation
  const plausible = fc.record(
    Object.fromEntries(
      fields.map((f) => [
        f,
        fc.constantFrom(
          '+919876543210',
          '9876543210',
          '123456',
          'Correct-Horse-42',
          'someone',
          'a.b.c',
          'Asha',
        ),
      ]),
    ),
  );
  return fc.oneof(
    fc.constant({ kind: 'none' as const }),
    fc.jsonValue({ maxDepth: 4 }).map((value) => ({ kind: 'json' as const, value })),
    mixed.map((value) => ({ kind: 'json' as const, value })),
    plausible.map((value) => ({ kind: 'json' as const, value })),
    rawBody,
  );
}

function queryFor(ep: Endpoint): fc.Arbitrary<string> {
  const keys = fieldsOf(ep.query);
  const key = fc.oneof(
    fc.string({ maxLength: 10 }),
    fc.constantFrom('__proto__', 'constructor', 'toString', 'page', 'limit'),
    ...(keys.length > 0 ? [fc.constantFrom(...keys)] : []),
  );
  const pairs = fc
    .array(
      fc.tuple(
        key,
        junkString.filter((s) => s.length < 4_000),
      ),
      { maxLength: 4 },
    )
    .map((list) => list.map(([k, val]) => `${encodeURIComponent(k)}=${encodeURIComponent(val)}`).join('&'));
  const raw = fc.constantFrom(
    'a[b]=1',
    'a[__proto__][x]=1',
    '%zz=%',
    'to=1&to=2',
    '&&&=',
    'page=0&limit=-1',
    'limit=101',
  );
  return fc.oneof(fc.constant(''), pairs, raw).map((q) => (q ? `?${q}` : ''));
}

/** A dot segment would be resolved away by the client and hit another route. */
const DOT_SEGMENT = /^(\.|%2e)+$/i;

function pathFor(ep: Endpoint): fc.Arbitrary<string> {
  const names = ep.path.match(/:\w+/g) ?? [];
  const segment = fc.oneof(
    fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
    fc.constantFrom('1', '0', '-1', '2147483647', '2147483648', '9'.repeat(40), '1e3', '0x10', '1.0'),
    junkString.filter((s) => s.length > 0 && s.length < 2_000).map(encodeURIComponent),
    fc.constantFrom('%E0%A4%A', '%', '%zz', '%2F', '%00', '%C0%AE'),
  );
  return fc
    .array(
      segment.filter((s) => !DOT_SEGMENT.test(s)),
      { minLength: names.length, maxLength: names.length },
    )
    .map((values) => names.reduce((path, name, i) => path.replace(name, values[i]!), ep.path));
}

function caseFor(ep: Endpoint): fc.Arbitrary<FuzzCase> {
  return fc.record({
    method: fc.oneof(
      { weight: 8, arbitrary: fc.constant(ep.method) },
      { weight: 1, arbitrary: fc.constantFrom(...METHODS) },
    ),
    path: fc.tuple(pathFor(ep), queryFor(ep)).map(([p, q]) => p + q),
    caller: fc.constantFrom<Caller>('none', 'staff', 'patient', 'garbage', 'malformed', 'metrics'),
    body: bodyFor(ep),
  });
}

function requestOptions(c: FuzzCase, tokens: Record<Caller, string | undefined>): RequestOptions {
  const headers: Record<string, string> = {};
  if (c.caller === 'malformed') headers.authorization = 'Token abc';
  const token = tokens[c.caller];
  const auth = token ? { token } : {};
  // fetch sends no body with GET (nor does any real client)
  if (c.method === 'GET' || c.body.kind === 'none') return { ...auth, headers };
  if (c.body.kind === 'json') return { ...auth, headers, body: c.body.value };
  headers['content-type'] = c.body.type;
  if (c.body.encoding) headers['content-encoding'] = c.body.encoding;
  return { ...auth, headers, rawBody: c.body.text };
}

function expectWithinContract(res: TestResponse, ep: Endpoint, c: FuzzCase): void {
  const where = `${c.caller} ${c.method} ${c.path.slice(0, 200)} → ${res.status} ${res.text.slice(0, 300)}`;
  expect(res.status, where).toBeLessThan(500);
  // a raw route (metrics, docs) answers in its own format when it succeeds
  if (ep.raw && c.method === ep.method && res.status < 300) return;
  expect(res.headers.get('content-type') ?? '', where).toMatch(/^application\/json/);
  expect(typeof res.body === 'object' && res.body !== null && !Array.isArray(res.body), where).toBe(true);

  if (res.status >= 200 && res.status < 300) {
    expect(res.body.success, where).toBe(true);
    expect(
      Object.keys(res.body).filter((k) => !SUCCESS_KEYS.includes(k)),
      where,
    ).toEqual([]);
    return;
  }
  expect(Object.keys(res.body).sort(), where).toEqual(['error', 'success']);
  expect(res.body.success, where).toBe(false);
  const error = res.body.error as Record<string, unknown>;
  expect(typeof error === 'object' && error !== null, where).toBe(true);
  expect(
    Object.keys(error).filter((k) => !ERROR_KEYS.includes(k)),
    where,
  ).toEqual([]);
  expect(ERROR_CODES.has(error.code as string), where).toBe(true);
  expect(typeof error.message, where).toBe('string');
  expect(res.status, where).toBe(STATUS_BY_CODE[error.code as keyof typeof STATUS_BY_CODE]);
  if ('details' in error) {
    const details = error.details;
    expect(typeof details === 'object' && details !== null && !Array.isArray(details), where).toBe(true);
  }
  if (error.code === 'VALIDATION_ERROR') {
    // per-field details, always: the client must learn what to fix
    expect(Object.keys((error.details as object | undefined) ?? {}).length, where).toBeGreaterThan(0);
  }
  if (error.code === 'METHOD_NOT_ALLOWED') expect(res.headers.get('allow'), where).toBeTruthy();
  if ('retryAfter' in error) expect(typeof error.retryAfter, where).toBe('number');
}

describe('fuzzing every declared endpoint', () => {
  let t: TestApi;
  let endpoints: Endpoint[];
  const tokens: Record<Caller, string | undefined> = {
    none: undefined,
    staff: undefined,
    patient: undefined,
    garbage: 'garbage.garbage.garbage',
    malformed: undefined,
    metrics: METRICS_TOKEN,
  };

  beforeAll(async () => {
    t = await startTestApi({ METRICS_TOKEN });
    endpoints = t.api.container.get(T.Endpoints);
    tokens.staff = (await staffLogin(t, await seedStaff(t, { role: 'ADMIN' }))).accessToken;
    tokens.patient = (await patientLogin(t)).accessToken;
  });
  afterAll(async () => t?.close());

  it('reads the routes declared so far from the container', () => {
    const declared = endpoints.map((ep) => `${ep.method} ${ep.path}`);
    expect(declared).toEqual(
      expect.arrayContaining(['GET /api/health', 'POST /api/auth/send-otp', 'GET /api/patient-auth/me']),
    );
    expect(declared.length).toBeGreaterThanOrEqual(13);
  });

  it(
    'answers random requests with no 5xx and nothing outside the envelope',
    { timeout: 120_000 },
    async () => {
      for (const ep of endpoints) {
        await fc.assert(
          fc.asyncProperty(caseFor(ep), async (c) => {
            const res = await t.request(c.method, c.path, requestOptions(c, tokens));
            expectWithinContract(res, ep, c);
          }),
          { numRuns: RUNS_PER_ENDPOINT },
        );
      }
    },
  );
});
