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
