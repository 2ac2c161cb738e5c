import { storedKey } from '../../src/adapters/http/rate-limits.js';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { randomPhone } from '../support/builders.js';
import { hasRedisServer, startOwnRedis, type OwnRedis } from '../support/own-redis.js';
import { requireServices } from '../support/services.js';
import { startTestApi, type TestApi, type TestResponse } from '../support/test-api.js';

/**
 * CONTRACT.md: if Redis stops answering, each process falls back to its own in-memory limits at once
 * and no request waits on Redis. These tests stop a Redis of their own (never the shared one).
 */
const skipReason = hasRedisServer ? '' : ' (skipped: the redis-server binary is not installed; CI has it)';

/** Fails the test instead of letting a hung request run into the test timeout. */
async function timed<T>(work: Promise<T>, limitMs = 5000): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`request still pending after ${limitMs} ms`)), limitMs);
  });
  try {
    const value = await Promise.race([work, hang]);
    return { value, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
  }
}

async function redisReady(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') await timed(once(redis, 'ready'));
}

describe.skipIf(!hasRedisServer && !requireServices)('rate limits when Redis goes away' + skipReason, () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
  });

  async function setUp(): Promise<{ t: TestApi; redis: OwnRedis; prefix: string }> {
    if (!hasRedisServer) {
      throw new Error('REQUIRE_SERVICES=1 but the redis-server binary is not installed');
    }
    const redis = await startOwnRedis();
    // Cleanup runs in reverse: Redis is gone before the API closes, so its QUIT never waits on it.
    cleanup.push(() => redis.stop());
    const prefix = `mibo-test-${randomUUID()}`;
    let t: TestApi;
    try {
      t = await startTestApi({
        REDIS_URL: redis.url,
        RATE_LIMIT_PREFIX: prefix,
        RATE_LIMIT_OTP_MAX: '3',
        RATE_LIMIT_API_MAX: '3',
      });
    } catch (error) {
      await redis.stop();
      throw error;
    }
    cleanup.push(
      () => t.close(),
      () => redis.stop(),
    );
    await redisReady(t.api.infra.redis!);
    return { t, redis, prefix };
  }

  const sendOtp = (t: TestApi, phone: string) =>
    t.request('POST', '/api/patient-auth/send-otp', { body: { phone } });

  /** Counts in Redis while it runs: two sends to one phone leave their keys there. */
  async function spendInRedis(t: TestApi, redis: OwnRedis, prefix: string): Promise<void> {
    const phone = randomPhone();
    for (const remaining of ['2', '1']) {
      const res = await sendOtp(t, phone);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-remaining')).toBe(remaining);
    }
    const probe = new Redis(redis.url, { maxRetriesPerRequest: 1 });
    try {
      expect(await probe.get(`${prefix}:otp:id:${storedKey(phone)}`)).toBe('2');
    } finally {
      probe.disconnect();
    }
  }

  /** Every request answers within a second, and the limits still hold, now counted in memory. */
  async function expectServedFromMemory(t: TestApi): Promise<void> {
    const record = async (work: Promise<TestResponse>) => {
      const { value, ms } = await timed(work);
      expect(ms, `answered in ${Math.round(ms)} ms`).toBeLessThan(1000);
      return value;
    };

    expect((await record(t.request('GET', '/api/health'))).status).toBe(200);
    const phone = randomPhone();
    for (const remaining of ['2', '1', '0']) {
      const res = await record(sendOtp(t, phone));
      expect(res.status).toBe(200);
      expect(res.headers.get('x-ratelimit-remaining')).toBe(remaining);
    }
    const refused = await record(sendOtp(t, phone));
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
    expect(refused.body.error.retryAfter).toBeGreaterThan(0);

    // The general class too: the 4th anonymous request from this IP is refused.
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await record(t.request('GET', '/api/auth/me'))).status);
    expect(statuses).toEqual([401, 401, 401, 429]);

    // Concurrent requests do not queue up behind Redis either.
    const burst = await Promise.all(Array.from({ length: 5 }, () => record(sendOtp(t, randomPhone()))));
    expect(burst.map((res) => res.status)).toEqual([200, 200, 200, 200, 200]);
  }

  it('falls back to in-memory limits at once when its Redis is killed', async () => {
    const { t, redis, prefix } = await setUp();
    await spendInRedis(t, redis, prefix);

    await redis.stop();
    await expectServedFromMemory(t);
    expect(t.logs.join('')).toContain('redis unavailable; rate limits fall back to this process');
  });

  it('does not wait on a Redis that stops answering but keeps its connections open', async () => {
    const { t, redis, prefix } = await setUp();
    await spendInRedis(t, redis, prefix);

    // A paused server (like a network partition) keeps the client "ready": commands just never return.
    redis.process.kill('SIGSTOP');
    await expectServedFromMemory(t);
  });
});
