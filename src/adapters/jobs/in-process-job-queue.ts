import { AsyncResource } from 'node:async_hooks';
import {
  StopRetrying,
  type JobDispatch,
  type JobQueue,
  type QueuedJob,
  type RetryPolicy,
} from '../../application/shared/ports/job-queue.js';

type JobState = 'delayed' | 'waiting' | 'active' | 'completed' | 'failed';

interface Entry {
  job: QueuedJob;
  state: JobState;
  attemptsMade: number;
  timer?: NodeJS.Timeout;
  error?: string;
}

/** What the queue holds about a failed job (it keeps them, like BullMQ). */
export interface FailedQueuedJob {
  id: string;
  outboxId: number;
  attemptsMade: number;
  error: string;
}

/** Completed jobs remembered for de-duplication, oldest forgotten first (BullMQ keeps as many). */
const KEEP_COMPLETED = 1000;
/** setTimeout fires at once past ~24.8 days; longer delays wait in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/**
 * The embedded default: the same semantics as BullMQ, on timers in this process. It forgets its jobs
 * when the process ends, so it is not durable: the relay rebuilds it from the outbox on start.
 */
export class InProcessJobQueue implements JobQueue {
  readonly label = 'in-process queue (jobs rebuilt from the outbox on start)';
  readonly durable = false;
  private readonly entries = new Map<string, Entry>();
  private readonly ready: Entry[] = [];
  private readonly completed: string[] = [];
  private readonly running = new Set<Promise<void>>();
  private dispatch: JobDispatch | undefined;
  private closed = false;

  constructor(
    private readonly policy: RetryPolicy,
    private readonly concurrency = 4,
  ) {}

  enqueue(job: QueuedJob): Promise<void> {
    if (!this.closed && !this.entries.has(job.id)) {
      const entry: Entry = { job, state: 'waiting', attemptsMade: 0 };
      this.entries.set(job.id, entry);
      this.schedule(entry, job.delayMs);
    }
    return Promise.resolve();
  }

  revive(job: QueuedJob): Promise<void> {
    const entry = this.entries.get(job.id);
    if (!entry || entry.state === 'completed' || entry.state === 'failed') {
      this.entries.delete(job.id);
      return this.enqueue(job);
    }
    if (entry.state === 'delayed') {
      clearTimeout(entry.timer);
      this.schedule(entry, job.delayMs);
    }
    return Promise.resolve();
  }

  work(dispatch: JobDispatch): void {
    if (this.dispatch) throw new Error('this queue already has its workers');
    this.dispatch = dispatch;
    this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const entry of this.entries.values()) clearTimeout(entry.timer);
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }

  /** Failed jobs, kept until the process ends (the outbox keeps them for good). */
  failedJobs(): Promise<FailedQueuedJob[]> {
    const failed = [...this.entries.values()]
      .filter((entry) => entry.state === 'failed')
      .map(({ job, attemptsMade, error }) => ({
        id: job.id,
        outboxId: job.outboxId,
        attemptsMade,
        error: error ?? '',
      }));
    return Promise.resolve(failed);
  }

  stateOf(id: string): JobState | undefined {
    return this.entries.get(id)?.state;
  }

  private schedule(entry: Entry, delayMs: number): void {
    if (this.closed) return;
    if (delayMs <= 0) {
      entry.state = 'waiting';
      this.ready.push(entry);
      this.pump();
      return;
    }
    entry.state = 'delayed';
    const step = Math.min(delayMs, MAX_TIMER_MS);
    entry.timer = setTimeout(() => {
      entry.timer = undefined;
      this.schedule(entry, delayMs - step);
    }, step);
  }

  /** Jobs start in the queue's own context, never in that of whoever woke the queue (a request). */
  private readonly pump = AsyncResource.bind((): void => {
    const dispatch = this.dispatch;
    while (dispatch && !this.closed && this.running.size < this.concurrency && this.ready.length > 0) {
      const entry = this.ready.shift()!;
      if (entry.state !== 'waiting') continue;
      const run = this.run(entry, dispatch).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  });

  private async run(entry: Entry, dispatch: JobDispatch): Promise<void> {
    entry.state = 'active';
    entry.attemptsMade += 1;
    try {
      await dispatch({ id: entry.job.id, outboxId: entry.job.outboxId, attempt: entry.attemptsMade });
      entry.state = 'completed';
      this.forgetOldCompleted(entry.job.id);
    } catch (error) {
      entry.error = error instanceof Error ? error.message : String(error);
      if (error instanceof StopRetrying || entry.attemptsMade >= this.policy.attempts) {
        entry.state = 'failed';
      } else {
        // Exponential, as BullMQ's: backoff, 2×backoff, 4×backoff, …
        this.schedule(entry, this.policy.backoffMs * 2 ** (entry.attemptsMade - 1));
      }
    }
  }

  private forgetOldCompleted(id: string): void {
    this.completed.push(id);
    if (this.completed.length <= KEEP_COMPLETED) return;
    const oldest = this.completed.shift()!;
    if (this.entries.get(oldest)?.state === 'completed') this.entries.delete(oldest);
  }
}
