import { Agent, request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import * as v from 'valibot';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate } from '../../src/adapters/http/schemas/common.js';
import { patientLogin, randomPhone, seedStaff, staffLogin } from '../support/builders.js';
import { startTestApi, type TestApi, type TestResponse } from '../support/test-api.js';

/** The rules every route shares: body parsing and validation, unknown routes, auth, headers. */

/** One request on a given agent (one kept-alive socket), so that a test sees what the next request meets. */
function rawRequest(
  agent: Agent,
  url: string,
  headers: Record<string, string>,
  body: string | Buffer,
): Promise<{ status: number; connection: string | undefined; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', agent, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, body: text }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

function expectError(res: TestResponse, status: number, code: string): void {
  expect(res.status, res.text).toBe(status);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.body).toEqual({
    success: false,
    error: expect.objectContaining({ code, message: expect.any(String) }),
  });
  expect(
    Object.keys(res.body.error).every((k) => ['code', 'message', 'details', 'retryAfter'].includes(k)),
  ).toBe(true);
}

function expectValidation(res: TestResponse, fields: string[]): void {
  expectError(res, 400, 'VALIDATION_ERROR');
  expect(res.body.error.message).toBe('Validation failed');
  expect(Object.keys(res.body.error.details ?? {})).toEqual(expect.arrayContaining(fields));
  for (const field of fields) expect(typeof res.body.error.details[field]).toBe('string');
}

describe('the localDate schema', () => {
  it('rejects dates that do not exist', () => {
    for (const input of [
      '2024-02-30',
      '2023-02-29',
      '2024-13-01',
      '2024-00-10',
      '2024-04-31',
      '2024-01-00',
    ]) {
      const result = v.safeParse(localDate, input);
      expect(result.success, input).toBe(false);
    }
    expect(v.safeParse(localDate, '2024-02-30').issues?.[0]?.message).toBe('Not a real calendar date');
  });

  it('rejects other shapes', () => {
    for (const input of ['2024-2-3', '24-02-03', '2024-02-03T00:00:00Z', ' 2024-02-03', '', 20240203, null]) {
      expect(v.safeParse(localDate, input).success, String(input)).toBe(false);
    }
  });

  it('accepts real dates, leap days included', () => {
    for (const input of ['2024-02-29', '2000-02-29', '2023-12-31', '2025-01-01']) {
      expect(v.safeParse(localDate, input)).toMatchObject({ success: true, output: input });
    }
  });
});

describe('request rules', () => {
  let t: TestApi;
  let small: TestApi;
  let staffToken: string;
  let patientToken: string;

  beforeAll(async () => {
    [t, small] = await Promise.all([startTestApi(), startTestApi({ JSON_BODY_LIMIT_KB: '1' })]);
    staffToken = (await staffLogin(t, await seedStaff(t))).accessToken;
    patientToken = (await patientLogin(t)).accessToken;
  });
  afterAll(async () => {
    await Promise.all([t?.close(), small?.close()]);
  });

  describe('bodies', () => {
    it('answers malformed JSON with 400 VALIDATION_ERROR and details', async () => {
      for (const raw of ['{', '{"phone": }', "{'phone': '1'}", '{"phone":"1",}', 'null', '"text"', '42']) {
        const res = await t.request('POST', '/api/auth/send-otp', { rawBody: raw });
        expectValidation(res, ['body']);
        expect(res.body.error.details.body).toBe('Malformed JSON');
      }
    });

    it('refuses a prototype-poisoning body', async () => {
      const res = await t.request('POST', '/api/auth/send-otp', {
        rawBody: `{"phone":"${randomPhone()}","__proto__":{"isAdmin":true}}`,
      });
      expectValidation(res, ['body']);
    });

    it('refuses a JSON array where an object is expected', async () => {
      const res = await t.request('POST', '/api/auth/send-otp', { rawBody: '[]' });
      expectValidation(res, ['body']);
      expect(res.body.error.details.body).toBe('Must be a JSON object');
    });

    it('answers a body over the cap with 413 PAYLOAD_TOO_LARGE in the envelope', async () => {
      const res = await small.request('POST', '/api/auth/send-otp', {
        body: { phone: randomPhone(), padding: 'x'.repeat(2048) },
      });
      expectError(res, 413, 'PAYLOAD_TOO_LARGE');
      expect(res.body.error.message).toContain('1024');
      // just under the cap is parsed and validated as usual
      const ok = await small.request('POST', '/api/auth/send-otp', { body: { phone: randomPhone() } });
      expect(ok.status).toBe(200);
    });

    it('caps a compressed body by its inflated size and refuses one that does not inflate', async () => {
      const bomb = gzipSync(JSON.stringify({ phone: randomPhone(), padding: 'x'.repeat(64 * 1024) }));
      const big = await fetch(`${small.url}/api/auth/send-otp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: bomb,
      });
      expect(big.status).toBe(413);
      expect(await big.json()).toMatchObject({ success: false, error: { code: 'PAYLOAD_TOO_LARGE' } });

      for (const encoding of ['gzip', 'deflate', 'br']) {
        const res = await t.request('POST', '/api/auth/send-otp', {
          rawBody: `[[[[ this is not ${encoding} ]]]]`,
          headers: { 'content-encoding': encoding },
        });
        expectValidation(res, ['body']);
        expect(res.body.error.details.body).toBe('Unreadable request body');
      }
      const unknown = await t.request('POST', '/api/auth/send-otp', {
        rawBody: '{}',
        headers: { 'content-encoding': 'x-unknown' },
      });
      expectValidation(unknown, ['body']);
    });

    it('leaves no unread body on a kept-alive connection after refusing it', async () => {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const url = `${t.url}/api/auth/send-otp`;
        const refused: Record<string, string>[] = [
          { 'content-type': 'application/json', 'content-encoding': 'gzip' }, // not gzip at all
          { 'content-type': 'application/json', 'content-encoding': 'br' }, // nor brotli
          { 'content-type': 'application/json', 'content-encoding': 'deflate' },
          { 'content-type': 'application/json', 'content-encoding': 'x-unknown' },
          { 'content-type': 'application/json' }, // over the cap
        ];
        for (const headers of refused) {
          const first = await rawRequest(agent, url, headers, 'x'.repeat(300 * 1024));
          expect([400, 413]).toContain(first.status);
          expect(JSON.parse(first.body)).toMatchObject({ success: false });
          const next = await rawRequest(agent, url, { 'content-type': 'application/json' }, '{"phone":"1"}');
          expect(next.status).toBe(400);
          expect(JSON.parse(next.body)).toMatchObject({
            error: { details: { phone: 'Invalid phone number' } },
          });
        }
      } finally {
        agent.destroy();
      }
    });

    it('names each field with the wrong type', async () => {
      const res = await t.request('POST', '/api/auth/login/username-password', {
        body: { username: 42, password: ['a'] },
      });
      expectValidation(res, ['username', 'password']);
      expect(res.body.error.details.username).toBe('Must be a string');
    });

    it('names a missing field as required', async () => {
      const res = await t.request('POST', '/api/auth/login/phone-otp', { body: { phone: randomPhone() } });
      expectValidation(res, ['otp']);
      expect(res.body.error.details.otp).toBe('Required');
      const empty = await t.request('POST', '/api/auth/send-otp');
      expectValidation(empty, ['phone']);
      expect(empty.body.error.details.phone).toBe('Required');
    });

    it('refuses unknown keys and names them', async () => {
      const res = await t.request('POST', '/api/auth/login/phone-otp', {
        body: { phone: randomPhone(), otp: '123456', roleId: 1 },
      });
      expectValidation(res, ['roleId']);
      expect(res.body.error.details.roleId).toBe('Unknown field');
      expect(res.body.error.details).not.toHaveProperty('phone');
    });

    it('names unknown keys that look like Object.prototype members', async () => {
      for (const key of ['constructor', 'toString', 'hasOwnProperty']) {
        const res = await t.request('POST', '/api/auth/send-otp', {
          body: { phone: randomPhone(), [key]: 'x' },
        });
        expectValidation(res, [key]);
      }
      for (const key of ['__proto__', 'constructor']) {
        expectValidation(await t.request('GET', `/api/dev/outbox?${key}=1`), [key]);
      }
    });

    it('refuses over-long strings', async () => {
      const res = await t.request('POST', '/api/patient-auth/send-otp', {
        body: { phone: randomPhone(), fullName: 'x'.repeat(201) },
      });
      expectValidation(res, ['fullName']);
      expect(res.body.error.details.fullName).toMatch(/at most 200/);
      const password = await t.request('POST', '/api/auth/login/username-password', {
        body: { username: 'someone', password: 'p'.repeat(257) },
      });
      expectValidation(password, ['password']);
    });

    it('refuses a bad phone and a bad OTP shape', async () => {
      const res = await t.request('POST', '/api/patient-auth/verify-otp', {
        body: { phone: 'not-a-phone', otp: '12ab' },
      });
      expectValidation(res, ['phone', 'otp']);
    });

    it('refuses a body sent with another content type', async () => {
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const res = await t.request('POST', '/api/auth/send-otp', {
          rawBody: `{"phone":"${randomPhone()}"}`,
          headers: { 'content-type': type },
        });
        expectValidation(res, ['body']);
        expect(res.body.error.details.body).toMatch(/application\/json/);
      }
    });

    it('refuses a query parameter it does not know', async () => {
      const res = await t.request('GET', `/api/dev/outbox?to=${encodeURIComponent(randomPhone())}&x=1`);
      expectValidation(res, ['x']);
    });
  });

  describe('routes', () => {
    it('answers an unknown /api route with 404 NOT_FOUND', async () => {
      for (const [method, path] of [
        ['GET', '/api/nope'],
        ['POST', '/api/nope'],
        ['GET', '/api/auth/nope/deeper'],
        ['GET', '/nope'],
      ] as const) {
        expectError(await t.request(method, path), 404, 'NOT_FOUND');
      }
    });

    it('answers a wrong method with 405 METHOD_NOT_ALLOWED and an Allow header', async () => {
      const res = await t.request('DELETE', '/api/health');
      expectError(res, 405, 'METHOD_NOT_ALLOWED');
      expect(res.headers.get('allow')).toMatch(/\bGET\b/);
      const post = await t.request('GET', '/api/auth/send-otp');
      expectError(post, 405, 'METHOD_NOT_ALLOWED');
      expect(post.headers.get('allow')).toMatch(/\bPOST\b/);
    });
  });

  describe('who is calling', () => {
    it('answers 401 UNAUTHORIZED without a token', async () => {
      expectError(await t.request('GET', '/api/auth/me'), 401, 'UNAUTHORIZED');
      expectError(await t.request('GET', '/api/patient-auth/me'), 401, 'UNAUTHORIZED');
    });

    it('answers 401 INVALID_TOKEN for a garbage or malformed token', async () => {
      expectError(await t.request('GET', '/api/auth/me', { token: 'garbage' }), 401, 'INVALID_TOKEN');
      expectError(
        await t.request('GET', '/api/auth/me', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }),
        401,
        'INVALID_TOKEN',
      );
      expectError(await t.request('GET', '/api/patient-auth/me', { token: 'a.b.c' }), 401, 'INVALID_TOKEN');
    });

    it('answers 403 FORBIDDEN for a valid token of the other kind', async () => {
      expectError(await t.request('GET', '/api/auth/me', { token: patientToken }), 403, 'FORBIDDEN');
      expectError(await t.request('GET', '/api/patient-auth/me', { token: staffToken }), 403, 'FORBIDDEN');
      // and each kind is let in where it belongs
      expect((await t.request('GET', '/api/auth/me', { token: staffToken })).status).toBe(200);
      expect((await t.request('GET', '/api/patient-auth/me', { token: patientToken })).status).toBe(200);
    });
  });

  describe('security headers', () => {
    it('are on JSON answers, successes and errors alike', async () => {
      const responses = [
        await t.request('GET', '/api/health'),
        await t.request('GET', '/api/nope'),
        await t.request('POST', '/api/auth/send-otp', { rawBody: '{' }),
        await t.request('GET', '/api/auth/me'),
        await small.request('POST', '/api/auth/send-otp', { body: { padding: 'x'.repeat(4096) } }),
      ];
      for (const res of responses) {
        expect(res.headers.get('x-content-type-options'), res.text).toBe('nosniff');
        expect(res.headers.get('x-frame-options')).toBe('DENY');
        expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
        expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
        expect(res.headers.get('referrer-policy')).toBe('no-referrer');
        expect(res.headers.get('x-powered-by')).toBeNull();
        expect(res.headers.get('x-request-id')).toBeTruthy();
      }
    });
  });
});
