import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/test-api.js';

const AUTH_ENDPOINTS: [string, string][] = [
  ['post', '/api/auth/send-otp'],
  ['post', '/api/auth/login/phone-otp'],
  ['post', '/api/auth/login/phone-password'],
  ['post', '/api/auth/login/username-password'],
  ['post', '/api/auth/refresh'],
  ['post', '/api/auth/logout'],
  ['get', '/api/auth/me'],
  ['post', '/api/patient-auth/send-otp'],
  ['post', '/api/patient-auth/verify-otp'],
  ['post', '/api/patient-auth/refresh-token'],
  ['post', '/api/patient-auth/logout'],
  ['get', '/api/patient-auth/me'],
];

/** Reads a nested member of a JSON value (`undefined` where the path does not exist). */
const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], value);

describe('API reference', () => {
  let t: TestApi;
  let doc: unknown;
  const op = (path: string, method: string) => at(doc, 'paths', path, method);
  beforeAll(async () => {
    t = await startTestApi();
    const res = await t.request('GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    doc = res.body;
  });
  afterAll(async () => t.close());

  it('serves a valid OpenAPI 3.1 document, not wrapped in the envelope', async () => {
    expect(at(doc, 'openapi')).toBe('3.1.0');
    expect(at(doc, 'success')).toBeUndefined();
    const result = await new Validator().validate(doc as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
  });

  it('lists all 12 auth endpoints and the health route with their methods', () => {
    for (const [method, path] of [...AUTH_ENDPOINTS, ['get', '/api/health']] as const) {
      expect(op(path, method), `${method.toUpperCase()} ${path}`).toBeDefined();
    }
    expect(Object.keys(at(doc, 'paths', '/api/auth/me') as object)).toEqual(['get']);
  });

  it('leaves out the routes that do not answer JSON', () => {
    for (const path of ['/api/docs', '/api/docs/{asset}', '/api/openapi.json', '/api/metrics']) {
      expect(at(doc, 'paths', path)).toBeUndefined();
    }
  });

  it('derives request bodies from the route schemas', () => {
    const body = at(op('/api/auth/login/username-password', 'post'), 'requestBody');
    expect(at(body, 'required')).toBe(true);
    expect(at(body, 'content', 'application/json', 'schema')).toMatchObject({
      required: expect.arrayContaining(['username', 'password']),
      additionalProperties: false,
      properties: { username: { type: 'string', maxLength: 64 } },
    });
  });

  it('wraps success data in the envelope and points errors at the shared error envelope', () => {
    const responses = at(op('/api/auth/login/username-password', 'post'), 'responses');
    expect(at(responses, '200', 'content', 'application/json', 'schema')).toMatchObject({
      properties: { success: { const: true }, data: { required: ['user', 'accessToken', 'refreshToken'] } },
    });
    expect(at(responses, '401')).toMatchObject({
      description: expect.stringContaining('INVALID_CREDENTIALS'),
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
    });
    expect(at(responses, '429', 'headers', 'Retry-After')).toBeDefined();
    expect(at(doc, 'components', 'schemas', 'ErrorEnvelope', 'properties', 'error', 'required')).toEqual([
      'code',
      'message',
    ]);
  });

  it('asks for a bearer token on staff and patient routes only', () => {
    expect(at(doc, 'components', 'securitySchemes', 'bearerAuth')).toEqual({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    for (const path of ['/api/auth/me', '/api/patient-auth/me']) {
      expect(at(op(path, 'get'), 'security')).toEqual([{ bearerAuth: [] }]);
      expect(at(op(path, 'get'), 'responses', '403')).toBeDefined();
    }
    expect(at(op('/api/auth/me', 'get'), 'x-roles')).toBe('Staff token (any role)');
    expect(at(op('/api/patient-auth/me', 'get'), 'x-roles')).toBe('Patient token');
    for (const [method, path] of [
      ['post', '/api/auth/login/username-password'],
      ['post', '/api/patient-auth/verify-otp'],
      ['get', '/api/health'],
    ] as const) {
      expect(at(op(path, method), 'security')).toBeUndefined();
      expect(at(op(path, method), 'x-roles')).toBe('Public');
    }
    expect(at(op('/api/auth/login/username-password', 'post'), 'description')).toContain(
      'Rate limit:** authentication',
    );
  });

  it('answers the same document every time', async () => {
    const again = await t.request('GET', '/api/openapi.json');
    expect(again.text).toBe(JSON.stringify(doc));
  });
});

describe('GET /api/docs', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => t.close());

  it('serves the reference page with a CSP that allows no inline script', async () => {
    const res = await t.request('GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.text).toContain('/api/docs/swagger-ui-bundle.js');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('serves allowlisted assets from swagger-ui-dist, cacheable', async () => {
    const css = await t.request('GET', '/api/docs/swagger-ui.css');
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toMatch(/^text\/css/);
    expect(css.headers.get('cache-control')).toBe('public, max-age=86400');
    const init = await t.request('GET', '/api/docs/init.js');
    expect(init.status).toBe(200);
    expect(init.text).toContain("url: '/api/openapi.json'");
  });

  it('answers 404 in the envelope for any other file', async () => {
    for (const path of ['/api/docs/nope.js', '/api/docs/index.html', '/api/docs/..%2Fpackage.json']) {
      const res = await t.request('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body).toMatchObject({ success: false, error: { code: 'NOT_FOUND' } });
    }
  });
});
