import type { Container } from 'inversify';
import type { MikroORM } from '@mikro-orm/postgresql';
import { BackgroundJobs } from '../../adapters/jobs/background-jobs.js';
import { BullMqJobQueue } from '../../adapters/jobs/bullmq-job-queue.js';
import { InProcessJobQueue } from '../../adapters/jobs/in-process-job-queue.js';
import { JobRunner } from '../../adapters/jobs/job-runner.js';
import { OutboxRelay } from '../../adapters/jobs/outbox-relay.js';
import { registerJobGauge } from '../../adapters/jobs/job-metrics.js';
import { OutboxJobReads } from '../../adapters/jobs/outbox-job-reads.js';
import { jobRoutes } from '../../adapters/http/routes/jobs/job-routes.js';
import type { Config } from '../config.js';
import { T } from '../tokens.js';

/**
 * Background jobs: BullMQ when REDIS_URL is set, else the in-process queue; the outbox relay; the
 * runner. `workers` is false for an API started with WORKER=off. Nothing starts until
 * `BackgroundJobs.start()`.
 */
export function bindJobs(c: Container, config: Config, role: { workers: boolean }): void {
  const { env } = config;
  const policy = { attempts: env.JOB_MAX_ATTEMPTS, backoffMs: env.JOB_BACKOFF_MS };
  c.bind(T.JobQueue)
    .toDynamicValue((x) =>
      env.REDIS_URL
        ? new BullMqJobQueue(
            {
              redisUrl: env.REDIS_URL,
              prefix: env.QUEUE_PREFIX,
              queueName: queueNameOf(x.get(T.Orm)),
              policy,
              concurrency: env.JOB_CONCURRENCY,
              stalledMs: env.JOB_STALLED_MS,
            },
            x.get(T.Logger),
          )
        : new InProcessJobQueue(policy, env.JOB_CONCURRENCY),
    )
    .inSingletonScope();
  c.bind(T.OutboxRelay)
    .toDynamicValue(
      (x) =>
        new OutboxRelay(x.get(T.Orm), x.get(T.JobQueue), x.get(T.Logger), {
          pollMs: env.OUTBOX_POLL_MS,
          // Past the longest retry backoff (and a stalled job's lock), with a minute to spare.
          staleMs: Math.min(
            7 * 86_400_000,
            60_000 + env.JOB_STALLED_MS + env.JOB_BACKOFF_MS * 2 ** Math.max(0, env.JOB_MAX_ATTEMPTS - 2),
          ),
        }),
    )
    .inSingletonScope();
  c.bind(T.JobRunner)
    .toDynamicValue(
      (x) =>
        new JobRunner(
          x.get(T.Orm),
          x.getAll(T.JobHandlers, { optional: true }),
          x.get(T.Logger),
          env.JOB_MAX_ATTEMPTS,
        ),
    )
    .inSingletonScope();
  c.bind(T.BackgroundJobs)
    .toDynamicValue(
      (x) =>
        new BackgroundJobs(
          x.get(T.JobQueue),
          x.get(T.OutboxRelay),
          x.get(T.JobRunner),
          x.get(T.Logger),
          role,
        ),
    )
    .inSingletonScope();
  // GET /api/jobs, and the jobs gauge on the same metrics registry (registered once, with the routes).
  c.bind(T.RouteGroups)
    .toDynamicValue((x) => {
      const reads = new OutboxJobReads(x.get(T.Orm));
      registerJobGauge(x.get(T.HttpMetrics).registry, reads);
      return jobRoutes(reads);
    })
    .inSingletonScope();
}

/** One queue per database: a queued job names an outbox row, which means something only there. */
function queueNameOf(orm: MikroORM): string {
  const name = String(orm.config.get('dbName') ?? 'mibo');
  return name.replace(/[^\w.-]/g, '-');
}
