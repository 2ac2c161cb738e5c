/** How a gateway call is tried again after a transient failure (5xx, timeout, no answer). */
export interface RetryPolicy {
  /** Tries per call, the first included. */
  tries: number;
  /** Milliseconds before the 2nd, 3rd… try (the last value repeats). */
  delaysMs: readonly number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `call` until it succeeds, fails in a way retrying cannot change (`isTransient` false: a 4xx),
 * or the tries run out; then rethrows its last error for the adapter to translate. Every gateway,
 * fake or real, retries through this one loop, so fakes and real adapters behave alike.
 */
export async function retryTransient<T>(
  policy: RetryPolicy,
  call: () => Promise<T>,
  isTransient: (error: unknown) => boolean,
): Promise<T> {
  for (let n = 1; ; n += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isTransient(error) || n >= policy.tries) throw error;
      await sleep(policy.delaysMs[Math.min(n - 1, policy.delaysMs.length - 1)] ?? 0);
    }
  }
}
