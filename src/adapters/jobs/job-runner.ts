import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import {
  PermanentJobFailure,
  RetryLater,
  type JobHandler,
} from '../../application/shared/ports/job-handler.js';
import { StopRetrying, type JobDelivery } from '../../application/shared/ports/job-queue.js';
import type { JsonObject } from '../../application/shared/ports/outbox.js';
import { runInScope } from '../system/execution-scope.js';

interface ClaimedRow {
  name: string;
  key: string;
  payload: JsonObject;
  attempts: number;
}

/**
 * The worker's dispatch: runs the handler an outbox row names, in its own execution scope (its own
 * entity manager), and records the outcome on the row. The row, not the queue, counts attempts, so
 * a lost Redis or a restart never resets them.
 */
export class JobRunner {
  private readonly handlers: Map<string, JobHandler>;

  constructor(
    private readonly orm: MikroORM,
    handlers: readonly JobHandler[],
    private readonly logger: Logger,
    private readonly maxAttempts: number,
  ) {
    this.handlers = new Map(handlers.map((handler) => [handler.name, handler]));
  }

  readonly dispatch = async (delivery: JobDelivery): Promise<void> => {
    const em = this.orm.em.fork();
    // Counting the attempt first means a worker killed mid-job still used one. Rows already done or
    // failed are not claimed: a second delivery of finished work does nothing.
    const rows: ClaimedRow[] = await em.execute(
      `update outbox_jobs set attempts = attempts + 1, enqueued_at = now()
        where id = ? and completed_at is null and failed_at is null
        returning name, key, payload, attempts`,
      [delivery.outboxId],
    );
    const row = rows[0];
    if (!row) return;
    const log = { job: { id: delivery.outboxId, name: row.name, key: row.key, attempt: row.attempts } };
    const handler = this.handlers.get(row.name);
    try {
      if (!handler) throw new PermanentJobFailure(`no handler for job ${row.name}`);
      await runInScope(`job-${delivery.outboxId}-${row.attempts}`, () =>
        handler.run(row.payload, { key: row.key, attempt: row.attempts }),
      );
    } catch (error) {
      if (error instanceof RetryLater) {
        // Handed back to the outbox, due later, with this attempt given back: the relay queues it again.
        await em.execute(
          `update outbox_jobs set attempts = attempts - 1, enqueued_at = null,
              run_at = now() + (? * interval '1 millisecond'), last_error = ?
            where id = ? and completed_at is null`,
          [error.delayMs, error.message.slice(0, 2000), delivery.outboxId],
        );
        this.logger.info({ ...log, retryInMs: error.delayMs }, 'job waits: what it needs is busy');
        return;
      }
      const message = error instanceof Error ? error.message : String(error);
      const final = error instanceof PermanentJobFailure || row.attempts >= this.maxAttempts;
      await em.execute(
        `update outbox_jobs set last_error = ?, failed_at = ${final ? 'now()' : 'null'}
          where id = ? and completed_at is null`,
        [message.slice(0, 2000), delivery.outboxId],
      );
      // The payload may hold phone numbers: only the row's name, key and the error are logged.
      if (final) {
        this.logger.error({ ...log, err: { message } }, 'job failed for good');
        throw new StopRetrying(message);
      }
      this.logger.warn({ ...log, err: { message } }, 'job failed; it will be retried');
      throw error;
    }
    await em.execute(`update outbox_jobs set completed_at = now() where id = ? and completed_at is null`, [
      delivery.outboxId,
    ]);
  };
}
