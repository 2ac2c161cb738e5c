import { AsyncResource } from 'node:async_hooks';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import type { JobQueue, QueuedJob } from '../../application/shared/ports/job-queue.js';
import { throttled } from './with-timeout.js';

export interface RelaySettings {
  pollMs: number;
  /**
   * A due row neither done nor failed whose last hand-over (or attempt) is older than this is handed
   * over again: covers a Redis that lost its data. Longer than the longest retry backoff.
   */
  staleMs: number;
  /** Rows further in the future wait in the outbox, not in the queue (keeps Redis and timers small). */
  horizonMs?: number;
  batch?: number;
}

interface OpenRow {
  id: string | number;
  run_at: Date;
  enqueued_at: Date | null;
}

/** Wakes are coalesced: a burst of requests makes one pass, a little after their transactions commit. */
const WAKE_DELAY_MS = 20;
const FOLLOW_UP_MS = 200;

/**
 * Moves committed outbox rows to the job queue. Rows are locked with `skip locked`, so any number of
 * relays (API processes, workers) share the work; a row is marked enqueued only once the queue took
 * it, so while Redis is down the work simply waits in the outbox.
 */
export class OutboxRelay {
  private readonly startedAt = new Date();
  private timer: NodeJS.Timeout | undefined;
  private nextPassAt = Infinity;
  private passing: Promise<void> | undefined;
  private again = false;
  private followUp = false;
  private running = false;
  private readonly warn: (message: string) => void;

  constructor(
    private readonly orm: MikroORM,
    private readonly queue: JobQueue,
    private readonly logger: Logger,
    private readonly settings: RelaySettings,
  ) {
    this.warn = throttled((message) => logger.warn(message));
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /**
   * Called after jobs are written: look soon instead of at the next poll. The writer's transaction may
   * not have committed by then, so one more look follows shortly after.
   */
  wake(): void {
    if (!this.running) return;
    this.followUp = true;
    this.schedule(WAKE_DELAY_MS);
  }

  /** Stops polling and waits for a pass in progress. */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.passing;
  }

  /** One pass over the outbox; returns how many rows the queue took. */
  async pass(): Promise<number> {
    let total = 0;
    for (;;) {
      const { handed, full } = await this.passOnce();
      total += handed;
      if (!full) return total;
    }
  }

  private schedule(ms: number): void {
    if (!this.running) return;
    if (this.passing) {
      if (ms <= WAKE_DELAY_MS) this.again = true;
      return;
    }
    if (Date.now() + ms >= this.nextPassAt) return;
    clearTimeout(this.timer);
    this.nextPassAt = Date.now() + ms;
    this.timer = setTimeout(() => this.tick(), ms);
  }

  /**
   * Bound to the context the relay was built in: a wake comes from inside a request's transaction, and
   * the passes (and jobs they start) must not inherit that transaction or the request's scope.
   */
  private readonly tick = AsyncResource.bind((): void => {
    this.nextPassAt = Infinity;
    this.passing = this.pass()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.warn(`outbox relay: ${error instanceof Error ? error.message : String(error)}`);
      })
      .finally(() => {
        this.passing = undefined;
        const next = this.again
          ? WAKE_DELAY_MS
          : this.followUp
            ? Math.min(FOLLOW_UP_MS, this.settings.pollMs)
            : this.settings.pollMs;
        if (!this.again) this.followUp = false;
        this.again = false;
        this.schedule(next);
      });
  });

  private async passOnce(): Promise<{ handed: number; full: boolean }> {
    const batch = this.settings.batch ?? 200;
    // Not yet handed over; handed over but silent too long; or (a queue that forgets on restart)
    // handed over before this process started.
    const open = `select id, run_at, enqueued_at from outbox_jobs
          where completed_at is null and failed_at is null
            and run_at <= now() + (? * interval '1 millisecond')
            and (enqueued_at is null
              or (enqueued_at < now() - (? * interval '1 millisecond') and run_at <= now())
              ${this.queue.durable ? '' : 'or enqueued_at < ?'})
          order by run_at, id
          limit ?`;
    const params = [
      this.settings.horizonMs ?? 300_000,
      this.settings.staleMs,
      ...(this.queue.durable ? [] : [this.startedAt]),
    ];
    // An idle poll opens no transaction: an empty commit every second would still wake whatever
    // watches this process's commits (the open-slots cache waits for its notifications after each).
    const any: OpenRow[] = await this.orm.em.fork().execute(open, [...params, 1]);
    if (any.length === 0) return { handed: 0, full: false };
    return this.orm.em.fork().transactional(async (em) => {
      const rows: OpenRow[] = await em.execute(`${open} for update skip locked`, [...params, batch]);
      const handed: number[] = [];
      try {
        // A row never handed over has no queue job yet (short of a hand-over whose commit was lost,
        // which adding again leaves alone): one `add` each, sent together. Rows handed over before may
        // need reviving, which reads the queue's job first.
        const fresh = rows.filter((row) => row.enqueued_at === null);
        const added = await Promise.allSettled(fresh.map((row) => this.queue.enqueue(queuedJob(row))));
        added.forEach((result, i) => {
          if (result.status === 'fulfilled') handed.push(Number(fresh[i]!.id));
        });
        const refused = added.find((result): result is PromiseRejectedResult => result.status === 'rejected');
        if (refused) throw refused.reason;
        for (const row of rows) {
          if (row.enqueued_at === null) continue;
          await this.queue.revive(queuedJob(row));
          handed.push(Number(row.id));
        }
      } catch (error) {
        this.warn(
          `outbox relay: the job queue is unavailable; ${rows.length - handed.length} job(s) wait in the outbox (${error instanceof Error ? error.message : String(error)})`,
        );
      }
      if (handed.length > 0) {
        await em.execute(
          `update outbox_jobs set enqueued_at = now() where id in (${handed.map(() => '?').join(', ')})`,
          handed,
        );
      }
      return { handed: handed.length, full: rows.length === batch && handed.length === rows.length };
    });
  }
}

// The due time is part of the id: a job handed back for later (RetryLater) is a new queue job, even
// while the queue still holds the run that handed it back; the same row and time is one.
function queuedJob(row: OpenRow): QueuedJob {
  const outboxId = Number(row.id);
  const runAt = new Date(row.run_at).getTime();
  return { id: `outbox-${outboxId}-${runAt}`, outboxId, delayMs: Math.max(0, runAt - Date.now()) };
}
