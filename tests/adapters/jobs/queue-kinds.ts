import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import pino from 'pino';
import type { RetryPolicy } from '../../../src/application/shared/ports/job-queue.js';
import { BullMqJobQueue } from '../../../src/adapters/jobs/bullmq-job-queue.js';
import { InProcessJobQueue } from '../../../src/adapters/jobs/in-process-job-queue.js';
import { redisSkipReason, redisUrl, requireServices } from '../../support/services.js';

export type TestQueue = InProcessJobQueue | BullMqJobQueue;

export interface QueueKind {
  kind: string;
  skip: boolean;
  reason: string;
  /** A new queue; with BullMQ, under a prefix of its own in the shared Redis unless `prefix` is given. */
  make(policy: RetryPolicy, options?: { stalledMs?: number; prefix?: string; url?: string }): TestQueue;
  /** Deletes what the queues made in Redis. */
  cleanUp(): Promise<void>;
}

const silent = pino({ level: 'silent' });

function bullMqKind(): QueueKind {
  const prefixes: Array<{ url: string; prefix: string }> = [];
  return {
    kind: 'BullMQ',
    skip: !redisUrl && !requireServices,
    reason: redisSkipReason,
    make(policy, options = {}) {
      const url = options.url ?? redisUrl!;
      const prefix = options.prefix ?? `mibo-test-${randomUUID()}`;
      prefixes.push({ url, prefix });
      return new BullMqJobQueue(
        {
          redisUrl: url,
          prefix,
          queueName: 'jobs',
          policy,
          concurrency: 4,
          stalledMs: options.stalledMs ?? 30_000,
          callTimeoutMs: 1000,
        },
        silent,
      );
    },
    async cleanUp() {
      for (const { url, prefix } of prefixes.splice(0)) {
        const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
        redis.on('error', () => undefined);
        try {
          await redis.connect();
          const keys = await redis.keys(`${prefix}:*`);
          if (keys.length > 0) await redis.del(...keys);
        } catch {
          // a Redis of the test's own may be gone already
        } finally {
          redis.disconnect();
        }
      }
    },
  };
}

export const queueKinds: QueueKind[] = [
  {
    kind: 'in-process',
    skip: false,
    reason: '',
    make: (policy) => new InProcessJobQueue(policy),
    cleanUp: () => Promise.resolve(),
  },
  bullMqKind(),
];
