/**
 * The job queue the outbox relay feeds and the workers drain: BullMQ on Redis, or an in-process queue
 * with the same semantics (delays, retries with exponential backoff, de-duplication by job id, failed
 * jobs kept). A queued job only names its outbox row: the row is the durable record of the work.
 */
export interface QueuedJob {
  /** Deterministic (`outbox-<row id>`): adding the same id again is a no-op while the queue holds it. */
  id: string;
  outboxId: number;
  /** Not before this many milliseconds from now (0: at once). */
  delayMs: number;
}

/** One delivery of a job to a worker. */
export interface JobDelivery {
  id: string;
  outboxId: number;
  /** 1 on the first delivery. */
  attempt: number;
}

/** Runs a delivered job; throwing asks for a retry after backoff, unless it throws `StopRetrying`. */
export type JobDispatch = (job: JobDelivery) => Promise<void>;

/** Thrown by a dispatch to fail the job at once: the queue keeps it as failed and tries no more. */
export class StopRetrying extends Error {}

export interface RetryPolicy {
  /** Deliveries in all, the first included. */
  attempts: number;
  /** The wait before the second delivery; it doubles before each later one. */
  backoffMs: number;
}

export interface JobQueue {
  /** For the startup log line: which queue is in use. */
  readonly label: string;
  /** False when the queue forgets its jobs as the process ends: the relay then rebuilds it on start. */
  readonly durable: boolean;
  /** Adds the job unless the queue already holds one with its id (in any state). */
  enqueue(job: QueuedJob): Promise<void>;
  /**
   * Makes sure the job will run: a delayed one is moved to `delayMs` from now, one the queue has
   * finished (or never had, e.g. after a restart or a lost Redis) is added again; a waiting or running
   * one is left alone. The relay uses it for rows that are due but not done.
   */
  revive(job: QueuedJob): Promise<void>;
  /** Starts delivering jobs to `dispatch` (the worker side); at most once per queue. */
  work(dispatch: JobDispatch): void;
  /** Stops taking jobs, lets running ones finish, and releases connections. */
  close(): Promise<void>;
}
