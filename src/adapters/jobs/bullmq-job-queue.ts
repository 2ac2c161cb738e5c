import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  StopRetrying,
  type JobDispatch,
  type JobQueue,
  type QueuedJob,
  type RetryPolicy,
} from '../../application/shared/ports/job-queue.js';
import type { FailedQueuedJob } from './in-process-job-queue.js';
import { throttled, withTimeout } from './with-timeout.js';

export interface BullMqSettings {
  redisUrl: string;
  /** Redis key prefix: separates deployments (and test runs) sharing one Redis. */
  prefix: string;
  /** One queue per database: a job names an outbox row, which only means something in its database. */
  queueName: string;
  policy: RetryPolicy;
  concurrency: number;
  /** A job whose worker stops renewing its lock (killed) runs again after about this long. */
  stalledMs: number;
  /** STACK.md: `add` can hang while Redis is away, so every call to Redis is bounded. */
  callTimeoutMs?: number;
}

interface JobData {
  outboxId: number;
}

/** BullMQ on Redis: durable, shared by every API process and worker on the same database. */
export class BullMqJobQueue implements JobQueue {
  readonly label: string;
  readonly durable = true;
  private readonly producer: Redis;
  private readonly queue: Queue<JobData>;
  private worker: Worker<JobData> | undefined;
  private workerConnection: Redis | undefined;
  private readonly running = new Set<Promise<void>>();
  private readonly warn: (message: string) => void;

  constructor(
    private readonly settings: BullMqSettings,
    private readonly logger: Logger,
  ) {
    this.label = `BullMQ on Redis (queue ${settings.prefix}:${settings.queueName})`;
    this.warn = throttled((message) => logger.warn(message));
    // No offline queue: while Redis is away an add fails fast and the row waits in the outbox.
    this.producer = new Redis(settings.redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
    });
    this.producer.on('error', (error: Error) => this.warn(`job queue: redis unavailable (${error.message})`));
    this.queue = new Queue<JobData>(settings.queueName, {
      connection: this.producer,
      prefix: settings.prefix,
    });
    this.queue.on('error', (error: Error) => this.warn(`job queue: ${error.message}`));
  }

  async enqueue(job: QueuedJob): Promise<void> {
    const { attempts, backoffMs } = this.settings.policy;
    await this.bounded(
      this.queue.add(
        'outbox',
        { outboxId: job.outboxId },
        {
          jobId: job.id,
          delay: Math.max(0, job.delayMs),
          attempts,
          backoff: { type: 'exponential', delay: backoffMs },
          removeOnComplete: { count: 1000 },
          removeOnFail: false,
        },
      ),
      'adding a job',
    );
  }

  async revive(job: QueuedJob): Promise<void> {
    const existing = await this.bounded(this.queue.getJob(job.id), 'reading a job');
    if (!existing) return this.enqueue(job);
    const state = await this.bounded(existing.getState(), 'reading a job state');
    if (state === 'completed' || state === 'failed' || state === 'unknown') {
      await this.bounded(existing.remove(), 'removing a finished job');
      return this.enqueue(job);
    }
    if (state === 'delayed') {
      await this.bounded(
        job.delayMs > 0 ? existing.changeDelay(job.delayMs) : existing.promote(),
        'rescheduling',
      );
    }
  }

  work(dispatch: JobDispatch): void {
    if (this.worker) throw new Error('this queue already has its workers');
    const { stalledMs, policy } = this.settings;
    // Workers block on Redis: they must never give up a command (STACK.md).
    this.workerConnection = new Redis(this.settings.redisUrl, { maxRetriesPerRequest: null });
    this.workerConnection.on('error', (error: Error) =>
      this.warn(`job worker: redis unavailable (${error.message})`),
    );
    this.worker = new Worker<JobData>(
      this.settings.queueName,
      async (job: Job<JobData>) => {
        const run = dispatch({ id: job.id!, outboxId: job.data.outboxId, attempt: job.attemptsMade + 1 });
        this.running.add(run);
        try {
          await run;
        } catch (error) {
          if (error instanceof StopRetrying) throw new UnrecoverableError(error.message);
          throw error;
        } finally {
          this.running.delete(run);
        }
      },
      {
        connection: this.workerConnection,
        prefix: this.settings.prefix,
        concurrency: this.settings.concurrency,
        lockDuration: stalledMs,
        stalledInterval: stalledMs,
        // A stalled job is retried, not failed: the outbox row counts the attempts.
        maxStalledCount: policy.attempts,
      },
    );
    this.worker.on('error', (error: Error) => this.warn(`job worker: ${error.message}`));
  }

  async close(): Promise<void> {
    // The worker stops fetching at once; running jobs finish (they need only the database); BullMQ then
    // gets a moment to record them. Connections to a Redis that is gone are cut instead of waited on.
    const closing = this.worker?.close().catch(() => undefined);
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
    const queueClosing = this.queue.close().catch(() => undefined);
    // A Redis known to be away gets no grace: nothing it would say can arrive.
    const graceMs = this.producer.status === 'ready' ? (this.settings.callTimeoutMs ?? 2000) : 100;
    const settled = await withTimeout(Promise.all([closing, queueClosing]), graceMs, 'closing').then(
      () => true,
      () => false,
    );
    for (const connection of [this.workerConnection, this.producer]) {
      if (!connection) continue;
      if (settled) await this.bounded(connection.quit(), 'quitting').catch(() => connection.disconnect());
      else connection.disconnect();
    }
    if (!settled) await this.bounded(Promise.all([closing, queueClosing]), 'closing').catch(() => undefined);
  }

  /** Failed jobs stay in Redis (removeOnFail: false), as the outbox keeps them for good. */
  async failedJobs(): Promise<FailedQueuedJob[]> {
    const jobs = await this.bounded(this.queue.getFailed(), 'listing failed jobs');
    return jobs.map((job) => ({
      id: job.id!,
      outboxId: job.data.outboxId,
      attemptsMade: job.attemptsMade,
      error: job.failedReason,
    }));
  }

  private bounded<T>(work: Promise<T>, what: string): Promise<T> {
    return withTimeout(work, this.settings.callTimeoutMs ?? 2000, `job queue: ${what}`);
  }
}
