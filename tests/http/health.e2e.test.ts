import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '../support/test-api.js';

describe('GET /api/health', () => {
  let t: TestApi;
  beforeAll(async () => {
    t = await startTestApi();
  });
  afterAll(async () => t.close());

  it('answers the spec shape with the database connected', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.data).toEqual({
      status: 'healthy',
      timestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      uptime: expect.any(Number),
      database: 'connected',
    });
    expect(res.headers.get('x-request-id')).toMatch(/^[\w-]+$/);
    expect(res.headers.get('x-ratelimit-limit')).toBeNull();
  });

  it('keeps a valid incoming request id', async () => {
    const res = await t.request('GET', '/api/health', { headers: { 'X-Request-Id': 'client-abc.123' } });
    expect(res.headers.get('x-request-id')).toBe('client-abc.123');
  });
});
