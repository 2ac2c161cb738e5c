import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  bookAndPay,
  clinicFor,
  expectEachConfirmedOnce,
  openConfirmations,
  sharedServices,
  until,
  type PaidBooking,
} from '../support/messages-exactly-once.js';
import { hasRedisServer, startOwnRedis, type OwnRedis } from '../support/own-redis.js';
import { sql } from '../support/booking-clinic.js';
import { databaseUrl, redisUrl, requireServices } from '../support/services.js';
import { startTestApi } from '../support/test-api.js';

/**
 * Issue 4: Redis away while 20 bookings are made and paid. Every request succeeds at once (it only
 * writes the outbox), and once Redis is back every confirmation reaches its patient exactly once. The
 * API's Redis is one of the test's own, on a spare port: the shared one is never touched.
 */
const skipReason = !redisUrl
  ? ' (skipped: REDIS_URL is not set; CI sets it)'
  : !databaseUrl
    ? ' (skipped: DATABASE_URL is not set; CI sets it)'
    : !hasRedisServer
      ? ' (skipped: the redis-server binary is not installed; CI has it)'
      : '';
const BOOKINGS = 20;
/** BullMQ calls give up after 2 s (bullmq-job-queue.ts): a request that waited on Redis would take that. */
const QUEUE_CALL_TIMEOUT_MS = 2000;

describe.skipIf(Boolean(skipReason) && !requireServices)(
  'confirmations while Redis is away' + skipReason,
  () => {
    const outages = {
      /** Redis killed, then started again on the same port (empty: it kept nothing). */
      killed: {
        stop: (redis: OwnRedis) => redis.stop(),
        resume: async (redis: OwnRedis) => startOwnRedis(Number(new URL(redis.url).port)),
      },
      /** Redis stalled (SIGSTOP): its sockets stay open and nothing answers; SIGCONT resumes it. */
      paused: {
        stop: async (redis: OwnRedis) => void redis.process.kill('SIGSTOP'),
        resume: async (redis: OwnRedis) => (redis.process.kill('SIGCONT'), redis),
      },
    };

    it.for(Object.keys(outages) as Array<keyof typeof outages>)(
      'Redis %s while 20 bookings are made and paid: all succeed, then each confirmation is sent once',
      async (outage, { onTestFinished }) => {
        if (!hasRedisServer)
          throw new Error('REQUIRE_SERVICES=1 but the redis-server binary is not installed');
        let redis = await startOwnRedis();
        onTestFinished(() => redis.stop());
        const t = await startTestApi({
          REDIS_URL: redis.url,
          QUEUE_PREFIX: `mibo-test-${randomUUID()}`,
          OUTBOX_POLL_MS: '100',
          JOB_BACKOFF_MS: '100',
          JOB_STALLED_MS: '2000',
        });
        onTestFinished(() => t.close()); // runs before redis.stop: finished callbacks run in reverse
        const shared = await sharedServices(t, redisUrl!);
        const clinic = await clinicFor(t, BOOKINGS);

        await outages[outage].stop(redis);
        const bookings: PaidBooking[] = [];
        for (let i = 0; i < BOOKINGS; i++) bookings.push(await bookAndPay(t, clinic, i));
        const slowest = Math.max(...bookings.flatMap((b) => b.tookMs));
        expect(slowest, 'no request waits on Redis').toBeLessThan(QUEUE_CALL_TIMEOUT_MS * 0.75);
        await new Promise((resolve) => setTimeout(resolve, 1000)); // relay polls against the absent Redis
        expect(await openConfirmations(t)).toBe(BOOKINGS);
        expect(await sql(t, `select id from notifications where type = 'APPOINTMENT_CONFIRMATION'`)).toEqual(
          [],
        );

        redis = await outages[outage].resume(redis);
        await until(async () => (await openConfirmations(t)) === 0, 'the confirmations once Redis is back');
        // A duplicate would come from a second hand-over of the same row: give one a chance to run.
        await new Promise((resolve) => setTimeout(resolve, 500));
        await expectEachConfirmedOnce(t, bookings);
        const jobs = await sql<{ attempts: number; failed_at: Date | null }>(
          t,
          `select attempts, failed_at from outbox_jobs where name = 'messaging.confirmation'`,
        );
        expect(jobs).toEqual(Array.from({ length: BOOKINGS }, () => ({ attempts: 1, failed_at: null })));
        expect(await sharedServices(t, redisUrl!), 'the shared Redis and PostgreSQL kept running').toEqual(
          shared,
        );
      },
    );
  },
);
