import type { Logger } from 'pino';
import type { JobQueue } from '../../application/shared/ports/job-queue.js';
import type { JobRunner } from './job-runner.js';
import type { OutboxRelay } from './outbox-relay.js';

export interface BackgroundJobsRole {
  /** Run jobs in this process (the API unless WORKER=off; always in `npm run worker`). */
  workers: boolean;
}

/** The relay and the workers of one process, started together and stopped together. */
export class BackgroundJobs {
  constructor(
    readonly queue: JobQueue,
    readonly relay: OutboxRelay,
    private readonly runner: JobRunner,
    private readonly logger: Logger,
    private readonly role: BackgroundJobsRole,
  ) {}

  /** A relay feeding a queue only this process could drain would strand the rows it marks. */
  private get relays(): boolean {
    return this.role.workers || this.queue.durable;
  }

  get description(): string {
    const where = this.role.workers ? 'workers in this process' : 'no workers in this process (WORKER=off)';
    return `${this.queue.label}, ${where}`;
  }

  start(): void {
    if (!this.role.workers && !this.queue.durable) {
      this.logger.warn(
        'WORKER=off without REDIS_URL: nothing runs background jobs; they wait in the outbox until a process with workers starts',
      );
    }
    if (this.role.workers) this.queue.work(this.runner.dispatch);
    if (this.relays) this.relay.start();
  }

  /** The relay stops first, then running jobs finish (SIGTERM), then the queue lets go of Redis. */
  async close(): Promise<void> {
    await this.relay.stop();
    await this.queue.close();
  }
}
