import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { RateLimitExceededError } from '../../src/adapters/http/http-errors.js';
import { RateLimits, storedKey, type RateLimitSettings } from '../../src/adapters/http/rate-limits.js';
import { randomPhone } from '../support/builders.js';
import { redisSkipReason, redisUrl } from '../support/services.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/** Resolves once the client can run commands (with enableOfflineQueue off, earlier ones go elsewhere). */
async function redisReady(redis: Redis, timeoutMs = 5000): Promise<void> {
  if (redis.status === 'ready') return;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Redis not ready after ${timeoutMs} ms`)), timeoutMs);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Deletes this test's keys only; the shared Redis is never flushed. */
async function deleteKeys(redis: Redis, prefix: string): Promise<void> {
  for await (const keys of redis.scanStream({ match: `${prefix}:*`, count: 100 })) {
    if ((keys as string[]).length > 0) await redis.del(...(keys as string[]));
  }
}

describe.skipIf(!redisUrl)('rate limits shared through Redis' + redisSkipReason, () => {
  const cleanup: Array<() => Promise<unknown>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  /** A client configured as the API's own (src/bootstrap/infrastructure.ts). */
  function client(): Redis {
    const redis = new Redis(redisUrl!, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    cleanup.push(() => redis.quit().catch(() => redis.disconnect()));
    return redis;
  }

  function uniquePrefix(): string {
    const prefix = `mibo-test-${randomUUID()}`;
    cleanup.unshift(async () => {
      const admin = new Redis(redisUrl!, { maxRetriesPerRequest: 1 });
      try {
        await deleteKeys(admin, prefix);
      } finally {
        await admin.quit().catch(() => admin.disconnect());
      }
    });
    return prefix;
  }

  async function apiOn(prefix: string): Promise<TestApi> {
    const t = await startTestApi({
      REDIS_URL: redisUrl!,
      RATE_LIMIT_PREFIX: prefix,
      RATE_LIMIT_OTP_MAX: '3',
      RATE_LIMIT_API_MAX: '4',
    });
    cleanup.push(() => t.close());
    expect(t.api.infra.redis).not.toBeNull();
    await redisReady(t.api.infra.redis!);
    return t;
  }

  it('lets two API processes share one OTP budget per phone', async () => {
    const prefix = uniquePrefix();
    const [a, b] = await Promise.all([apiOn(prefix), apiOn(prefix)]);
    const phone = randomPhone();
    const send = (t: TestApi, written = phone) =>
      t.request('POST', '/api/patient-auth/send-otp', { body: { phone: written } });

    expect((await send(a)).headers.get('x-ratelimit-remaining')).toBe('2');
    expect((await send(a)).headers.get('x-ratelimit-remaining')).toBe('1');
    const third = await send(b, `${phone.slice(3, 8)} ${phone.slice(8)}`);
    expect(third.status).toBe(200);
    expect(third.headers.get('x-ratelimit-remaining')).toBe('0');

    for (const t of [b, a]) {
      const refused = await send(t);
      expect(refused.status).toBe(429);
      expect(refused.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
      expect(refused.body.error.retryAfter).toBeGreaterThan(0);
      expect(refused.body.error.retryAfter).toBeLessThanOrEqual(900);
      expect(refused.headers.get('retry-after')).toBe(String(refused.body.error.retryAfter));
    }
    // Another phone still has its whole budget on either process.
    const other = await send(b, randomPhone());
    expect(other.status).toBe(200);
    expect(other.headers.get('x-ratelimit-remaining')).toBe('2');

    // The counts really are in Redis under the configured prefix.
    const admin = client();
    await redisReady(admin);
    expect(Number(await admin.get(`${prefix}:otp:id:${storedKey(phone)}`))).toBeGreaterThanOrEqual(3);
  });

  it('shares the general budget of one IP between two API processes', async () => {
    const prefix = uniquePrefix();
    const [a, b] = await Promise.all([apiOn(prefix), apiOn(prefix)]);
    for (const t of [a, b, a, b]) expect((await t.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await a.request('GET', '/api/auth/me')).status).toBe(429);
    expect((await b.request('GET', '/api/auth/me')).status).toBe(429);
  });

  it('counts together in two RateLimits instances on one Redis, and apart under another prefix', async () => {
    const prefix = uniquePrefix();
    const settings: RateLimitSettings = {
      authMax: 2,
      otpMax: 3,
      apiMax: 5,
      windowSeconds: 120,
      ipMultiplier: 10,
      prefix,
    };
    const [redisA, redisB] = [client(), client()];
    await Promise.all([redisReady(redisA), redisReady(redisB)]);
    const a = new RateLimits(settings, redisA);
    const b = new RateLimits(settings, redisB);

    expect(await a.consume('otp:id', 'k')).toMatchObject({ limit: 3, remaining: 2 });
    expect(await b.consume('otp:id', 'k')).toMatchObject({ limit: 3, remaining: 1 });
    const last = await a.consume('otp:id', 'k');
    expect(last.remaining).toBe(0);
    expect(last.reset).toBeGreaterThan(Date.now() / 1000);
    expect(last.reset).toBeLessThanOrEqual(Math.ceil(Date.now() / 1000) + 120);

    const refusal = await b.consume('otp:id', 'k').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RateLimitExceededError);
    expect((refusal as RateLimitExceededError).retryAfter).toBeGreaterThan(0);
    expect((refusal as RateLimitExceededError).retryAfter).toBeLessThanOrEqual(120);
    await expect(a.consume('otp:id', 'k')).rejects.toBeInstanceOf(RateLimitExceededError);

    // Buckets are separate: the same key in the IP bucket has the IP limit, untouched.
    expect(await b.consume('otp:ip', 'k')).toMatchObject({ limit: 30, remaining: 29 });
    expect(await a.consume('auth:id', 'k')).toMatchObject({ limit: 2, remaining: 1 });
    // Another prefix (another test run on the same Redis) sees none of it.
    const otherRun = new RateLimits({ ...settings, prefix: uniquePrefix() }, redisA);
    expect(await otherRun.consume('otp:id', 'k')).toMatchObject({ remaining: 2 });

    expect(await redisA.pttl(`${prefix}:otp:id:${storedKey('k')}`)).toBeGreaterThan(0);
    expect(await redisA.pttl(`${prefix}:otp:id:${storedKey('k')}`)).toBeLessThanOrEqual(120_000);
  });
});
