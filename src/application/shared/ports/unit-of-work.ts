/** Runs work in one database transaction: a throw inside rolls everything back. */
export interface UnitOfWork {
  run<T>(work: () => Promise<T>): Promise<T>;
}
