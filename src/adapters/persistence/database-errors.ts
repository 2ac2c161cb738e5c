import { ConnectionException } from '@mikro-orm/core';

const UNREACHABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|timeout acquiring a connection|Timeout acquiring|connect ENOENT|the database system is (starting up|shutting down)/i;

/** True for failures that mean "the database cannot be reached", as opposed to a bad query. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof ConnectionException) return true;
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: string }).code;
  if (code === '57P01' || code === '57P03' || code === '08006' || code === '08001') return true;
  return UNREACHABLE.test(error.message);
}
