export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** A piece of work to run after the change that caused it has committed. */
export interface Job {
  /** Which job handler runs it (`JobHandler.name`). */
  name: string;
  /**
   * Unique for the work it stands for (e.g. `reminder:42:24h:2026-12-01T04:30:00.000Z`): a second job
   * with the same key is dropped, so recording the same fact twice never does the work twice.
   */
  key: string;
  payload: JsonObject;
  /** Not before this instant (reminders, hold expiries); at once when absent. */
  runAt?: Date;
}

/**
 * The transactional outbox: jobs are written in the same transaction as the change that causes them
 * (call `add` inside `UnitOfWork.run`), so a request never waits on the queue and a rollback drops them.
 */
export interface Outbox {
  add(jobs: readonly Job[]): Promise<void>;
}
