import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request (or job) being served: its id, for every log line, and whatever per-request state
 * adapters create lazily in it (the ORM's entity manager fork, only when a request touches the ORM).
 */
export interface ExecutionScope {
  requestId: string;
  lazy: Map<symbol, unknown>;
}

export const executionScope = new AsyncLocalStorage<ExecutionScope>();

export function runInScope<T>(requestId: string, work: () => Promise<T>): Promise<T> {
  return executionScope.run({ requestId, lazy: new Map() }, work);
}

/** The scope's value under `key`, created on first use; undefined outside any scope. */
export function scoped<T>(key: symbol, create: () => T): T | undefined {
  const scope = executionScope.getStore();
  if (!scope) return undefined;
  if (!scope.lazy.has(key)) scope.lazy.set(key, create());
  return scope.lazy.get(key) as T;
}
