import { T } from '../../src/bootstrap/tokens.js';
import type { TestApi } from './test-api.js';

export interface WaitForJobsOptions {
  /** Give up after this long (default 10 s). */
  timeoutMs?: number;
  /** Only jobs with these names (default: all). */
  names?: readonly string[];
}

export interface OpenJob {
  id: number;
  name: string;
  key: string;
  runAt: Date;
  attempts: number;
  lastError: string | null;
}

const openDueSql = (names: readonly string[] | undefined) => `
  select id, name, key, run_at, attempts, last_error from outbox_jobs
   where completed_at is null and failed_at is null and run_at <= now()
   ${names ? `and name in (${names.map(() => '?').join(', ') || 'null'})` : ''}
   order by id`;

/** Open outbox jobs that are due now (not yet completed, not failed for good). */
export async function openDueJobs(t: TestApi, names?: readonly string[]): Promise<OpenJob[]> {
  const rows: Array<Record<string, any>> = await t.api.infra.orm.em
    .fork()
    .execute(openDueSql(names), names ? [...names] : []);
  return rows.map((row) => ({
    id: Number(row.id),
    name: row.name,
    key: row.key,
    runAt: new Date(row.run_at),
    attempts: row.attempts,
    lastError: row.last_error,
  }));
}

/**
 * Resolves once every outbox job that is due now is completed or failed for good. A job waiting out
 * a retry backoff is still open: use a small JOB_BACKOFF_MS in tests that expect retries.
 */
export async function waitForJobs(t: TestApi, options: WaitForJobsOptions = {}): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  const relay = t.api.container.get(T.OutboxRelay);
  for (;;) {
    // Freshly committed rows are handed over now, not at the relay's next poll.
    relay.wake();
    const open = await openDueJobs(t, options.names);
    if (open.length === 0) return;
    if (Date.now() > deadline) {
      const list = open
        .map(
          (job) =>
            `  #${job.id} ${job.name} ${job.key} (attempts ${job.attempts}${job.lastError ? `, last error: ${job.lastError}` : ''})`,
        )
        .join('\n');
      throw new Error(
        `waitForJobs: ${open.length} due job(s) still open after ${options.timeoutMs ?? 10_000} ms:\n${list}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/**
 * Lets time jump for the outbox: every open job with run_at <= `at` is made due now (also when the
 * queue holds it as a delayed job), then waits for them as `waitForJobs` does. Returns their ids.
 */
export async function runJobsDueBy(
  t: TestApi,
  at: Date,
  options: WaitForJobsOptions = {},
): Promise<number[]> {
  const rows: Array<{ id: string | number }> = await t.api.infra.orm.em.fork().execute(
    `update outbox_jobs set run_at = least(run_at, now()), enqueued_at = null
      where completed_at is null and failed_at is null and run_at <= ?
      returning id`,
    [at],
  );
  // enqueued_at = null makes the relay hand them over again: a delayed queued job is promoted.
  await t.api.container.get(T.OutboxRelay).pass();
  await waitForJobs(t, options);
  return rows.map((row) => Number(row.id)).sort((a, b) => a - b);
}
