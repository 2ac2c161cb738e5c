import type { JsonObject } from './outbox.js';

export interface JobRun {
  key: string;
  /** 1 on the first try. */
  attempt: number;
}

/**
 * Runs one kind of job. Jobs are delivered at least once (a worker killed mid-job runs it again), so
 * every handler is idempotent: it re-reads the state it acts on and does nothing twice.
 */
export interface JobHandler {
  readonly name: string;
  run(payload: JsonObject, job: JobRun): Promise<void>;
}

/** A failure that retrying cannot fix (the appointment is gone, the input is wrong): the job fails at once. */
export class PermanentJobFailure extends Error {}

/**
 * Not a failure: what the job needs is held elsewhere for a while (another worker's lease). The job
 * runs again after `delayMs` without using up an attempt, so a wait can never exhaust its retries.
 */
export class RetryLater extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}
