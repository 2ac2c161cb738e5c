import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { sql } from '../support/booking-clinic.js';
import {
  bookAndPay,
  clinicFor,
  expectEachConfirmedOnce,
  openConfirmations,
  sharedServices,
  until,
  type PaidBooking,
} from '../support/messages-exactly-once.js';
import { databaseUrl, redisSkipReason, redisUrl, requireServices } from '../support/services.js';
import { startTestApi, type TestApi } from '../support/test-api.js';

/**
 * Issue 4 with real processes: an API with WORKER=off, and `npm run worker` (the real
 * src/bootstrap/start-worker.ts entry) as separate processes on the same database and BullMQ queue.
 * Two workers never send a confirmation twice; a worker killed while sending does not lose it nor
 * send it twice.
 */
const skipReason = !redisUrl
  ? redisSkipReason
  : !databaseUrl
    ? ' (skipped: DATABASE_URL is not set; CI sets it)'
    : '';

describe.skipIf(Boolean(skipReason) && !requireServices)(
  'confirmations sent by worker processes' + skipReason,
  () => {
    /** The API (no workers) on its own database and its own queue prefix in the shared Redis. */
    async function setUp(onTestFinished: (fn: () => Promise<void>) => void) {
      const prefix = `mibo-test-${randomUUID()}`;
      const t = await startTestApi({
        WORKER: 'off',
        REDIS_URL: redisUrl!,
        QUEUE_PREFIX: prefix,
        OUTBOX_POLL_MS: '100',
      });
      onTestFinished(() => t.close());
      onTestFinished(() => dropKeys(prefix));
      const dbName = String(t.api.infra.orm.config.get('dbName'));
      const queue = new Queue(dbName.replace(/[^\w.-]/g, '-'), { connection: { url: redisUrl! }, prefix });
      onTestFinished(() => queue.close());
      const spawnWorker = (env: Record<string, string> = {}) => {
        const child = spawn(process.execPath, ['--import', 'tsx', 'src/bootstrap/start-worker.ts'], {
          env: {
            PATH: process.env.PATH ?? '',
            NODE_ENV: 'test',
            LOG_LEVEL: 'warn',
            DATABASE_URL: t.api.infra.orm.config.get('clientUrl')!,
            REDIS_URL: redisUrl!,
            QUEUE_PREFIX: prefix,
            JOB_STALLED_MS: '1000',
            JOB_BACKOFF_MS: '100',
            OUTBOX_POLL_MS: '100',
            DB_POOL_MAX: '3',
            ...env,
          },
          stdio: ['ignore', 'ignore', 'inherit'],
        });
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        onTestFinished(async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        });
        return { child, exited };
      };
      /** Workers listening on the queue now (BullMQ names each worker's Redis connection). */
      const workersOnQueue = () => queue.getWorkersCount();
      return { t, spawnWorker, workersOnQueue };
    }

    it.concurrent(
      'two workers on one queue: 20 confirmations, each sent exactly once',
      async ({ onTestFinished }) => {
        const { t, spawnWorker, workersOnQueue } = await setUp(onTestFinished);
        const shared = await sharedServices(t, redisUrl!);
        spawnWorker();
        spawnWorker();
        const clinic = await clinicFor(t, 20);
        await until(
          async () => (await workersOnQueue()) === 2,
          'both workers to listen on the queue',
          40_000,
        );
        const bookings: PaidBooking[] = [];
        for (let i = 0; i < 20; i++) bookings.push(await bookAndPay(t, clinic, i));
        await until(async () => (await openConfirmations(t)) === 0, 'the workers to send the confirmations');
        await new Promise((resolve) => setTimeout(resolve, 500)); // room for a duplicate to show
        await expectEachConfirmedOnce(t, bookings);
        expect(await sharedServices(t, redisUrl!)).toEqual(shared);
      },
    );

    it.concurrent(
      'a worker killed (SIGKILL) while sending: the job runs again and the patient gets one confirmation',
      async ({ onTestFinished }) => {
        const { t, spawnWorker, workersOnQueue } = await setUp(onTestFinished);
        const shared = await sharedServices(t, redisUrl!);
        // The provider takes the message and answers slowly: the worker dies before it can mark it SENT.
        const first = spawnWorker({ FAKE_GATEWAY_LATENCY_MS: '60000' });
        const clinic = await clinicFor(t, 1);
        await until(async () => (await workersOnQueue()) === 1, 'the first worker to listen', 40_000);
        const booking = await bookAndPay(t, clinic, 0);
        await until(async () => (await sentTo(t, booking)) === 1, 'the first worker to be mid-send');
        expect(await notification(t)).toMatchObject({ status: 'PENDING', attempts: 1 });

        first.child.kill('SIGKILL');
        await first.exited;
        // The dead sender's lease (120 s, longer than any live send) runs out: let time jump past it.
        await sql(t, `update notifications set claimed_until = now() - interval '1 second'`);
        spawnWorker(); // after JOB_STALLED_MS it finds the job its dead owner held, and runs it again
        await until(async () => (await openConfirmations(t)) === 0, 'the job to run again');

        expect(await sentTo(t, booking)).toBe(1);
        expect(await notification(t)).toMatchObject({ status: 'SENT', attempts: 2 });
        const jobs = await sql(
          t,
          `select attempts, completed_at is not null as done from outbox_jobs where name = 'messaging.confirmation'`,
        );
        expect(jobs).toEqual([{ attempts: 2, done: true }]);
        await expectEachConfirmedOnce(t, [booking]);
        expect(await sharedServices(t, redisUrl!)).toEqual(shared);
      },
    );
  },
);

/** Confirmations the fake provider received for the booking's patient. */
async function sentTo(t: TestApi, booking: PaidBooking): Promise<number> {
  const rows = await sql<{ n: string }>(
    t,
    `select count(*) as n from dev_outbox_messages where recipient = ? and template = 'appointment_confirmation'`,
    [booking.patient.phone],
  );
  return Number(rows[0]!.n);
}

async function notification(t: TestApi): Promise<Record<string, unknown>> {
  const rows = await sql(
    t,
    `select status, attempts from notifications where type = 'APPOINTMENT_CONFIRMATION'`,
  );
  expect(rows).toHaveLength(1);
  return rows[0]!;
}

/** The test's own BullMQ keys in the shared Redis. */
async function dropKeys(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl!, { maxRetriesPerRequest: 1 });
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
