import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/test-api.js';

/** Prometheus metrics behind METRICS_TOKEN, and the CORS allowlist from CORS_ORIGIN. */

const METRICS_TOKEN = 'metrics-token-for-tests-0123456789';
const ALLOWED = ['http://localhost:3000', 'http://localhost:5173'];

describe('/api/metrics without METRICS_TOKEN', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => t?.close());

  it('does not exist', async () => {
    for (const token of [undefined, 'anything']) {
      const res = await t.request('GET', '/api/metrics', token ? { token } : {});
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ success: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
    }
  });
});

describe('with METRICS_TOKEN and CORS_ORIGIN set', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi({ METRICS_TOKEN, CORS_ORIGIN: ALLOWED.join(',') });
  });
  afterAll(async () => t?.close());

  describe('/api/metrics', () => {
    it('refuses a missing or wrong bearer token', async () => {
      for (const options of [
        {},
        { token: 'wrong' },
        { token: `${METRICS_TOKEN}x` },
        { token: METRICS_TOKEN.slice(0, -1) },
        { headers: { authorization: METRICS_TOKEN } },
        { headers: { authorization: `Basic ${METRICS_TOKEN}` } },
      ]) {
        const res = await t.request('GET', '/api/metrics', options);
        expect(res.status, JSON.stringify(options)).toBe(401);
        expect(res.body).toMatchObject({ success: false, error: { code: 'UNAUTHORIZED' } });
        expect(res.text).not.toContain('mibo_');
      }
    });

    it('shows requests and latency by route and status, and process metrics', async () => {
      for (let i = 0; i < 3; i += 1) expect((await t.request('GET', '/api/health')).status).toBe(200);
      await t.request('GET', '/api/nope/12345');
      await t.request('GET', '/api/auth/me');

      const res = await t.request('GET', '/api/metrics', { token: METRICS_TOKEN });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = res.text;

      const healthCount = text.match(
        /^mibo_http_requests_total\{(?=[^}]*method="GET")(?=[^}]*route="\/api\/health")(?=[^}]*status="200")[^}]*\} (\d+)/m,
      );
      expect(healthCount, 'a counter line for GET /api/health 200').not.toBeNull();
      expect(Number(healthCount![1])).toBeGreaterThanOrEqual(3);
      expect(text).toMatch(
        /^mibo_http_requests_total\{[^}]*route="\/api\/auth\/me"[^}]*status="401"[^}]*\} \d+/m,
      );
      expect(text).toMatch(/^# TYPE mibo_http_request_duration_seconds histogram$/m);
      expect(text).toMatch(
        /^mibo_http_request_duration_seconds_bucket\{[^}]*le="0\.005"[^}]*route="\/api\/health"/m,
      );
      expect(text).toMatch(
        /^mibo_http_request_duration_seconds_bucket\{[^}]*le="\+Inf"[^}]*route="\/api\/health"/m,
      );
      expect(text).toMatch(/^mibo_http_request_duration_seconds_count\{[^}]*route="\/api\/health"/m);
      expect(text).toMatch(/^mibo_process_cpu_user_seconds_total \d/m);
      expect(text).toMatch(/^mibo_process_resident_memory_bytes \d/m);
      expect(text).toMatch(/^mibo_nodejs_eventloop_lag_seconds \d/m);
      // a route pattern, never the raw path: unknown paths cannot blow up the label set
      expect(text).not.toContain('/api/nope/12345');
    });

    it('is not rate limited', async () => {
      const res = await t.request('GET', '/api/metrics', { token: METRICS_TOKEN });
      expect(res.headers.get('x-ratelimit-limit')).toBeNull();
    });
  });

  describe('CORS', () => {
    it('echoes an allowed origin and exposes the request id and rate-limit headers', async () => {
      for (const origin of ALLOWED) {
        const res = await t.request('GET', '/api/health', { headers: { origin } });
        expect(res.status).toBe(200);
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
        expect(res.headers.get('vary') ?? '').toMatch(/\bOrigin\b/i);
        const exposed = (res.headers.get('access-control-expose-headers') ?? '').toLowerCase();
        for (const header of [
          'x-request-id',
          'x-ratelimit-limit',
          'x-ratelimit-remaining',
          'x-ratelimit-reset',
        ]) {
          expect(exposed).toContain(header);
        }
      }
    });

    it('carries the CORS headers on errors too, so a browser can read them', async () => {
      const res = await t.request('GET', '/api/auth/me', { headers: { origin: ALLOWED[0]! } });
      expect(res.status).toBe(401);
      expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED[0]);
      const limited = await t.request('POST', '/api/auth/send-otp', {
        headers: { origin: ALLOWED[1]! },
        body: { phone: 'nope' },
      });
      expect(limited.headers.get('access-control-allow-origin')).toBe(ALLOWED[1]);
    });

    it('answers a preflight from an allowed origin with 204 and the allowed methods and headers', async () => {
      const res = await t.request('OPTIONS', '/api/auth/me', {
        headers: {
          origin: ALLOWED[1]!,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'authorization,content-type',
        },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED[1]);
      const methods = res.headers.get('access-control-allow-methods') ?? '';
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) expect(methods).toContain(method);
      const headers = (res.headers.get('access-control-allow-headers') ?? '').toLowerCase();
      expect(headers).toContain('authorization');
      expect(headers).toContain('content-type');
      expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    });

    it('gives a disallowed origin no Access-Control-Allow-Origin', async () => {
      for (const origin of [
        'http://evil.example',
        'http://localhost:3001',
        'null',
        'http://localhost:3000.evil.example',
      ]) {
        const simple = await t.request('GET', '/api/health', { headers: { origin } });
        expect(simple.status).toBe(200);
        expect(simple.headers.get('access-control-allow-origin'), origin).toBeNull();
        const preflight = await t.request('OPTIONS', '/api/auth/me', {
          headers: { origin, 'access-control-request-method': 'GET' },
        });
        expect(preflight.headers.get('access-control-allow-origin'), origin).toBeNull();
        expect(preflight.headers.get('access-control-allow-methods'), origin).toBeNull();
      }
    });

    it('sends no credentials header and never a wildcard origin', async () => {
      const res = await t.request('GET', '/api/health', { headers: { origin: ALLOWED[0]! } });
      expect(res.headers.get('access-control-allow-origin')).not.toBe('*');
      expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    });
  });
});
