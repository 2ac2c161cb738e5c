/** Rejects after `ms`; the work itself goes on (BullMQ's add can still land when Redis returns). */
export async function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** Logs at most one warning per interval: a dead Redis would otherwise log every few milliseconds. */
export function throttled(warn: (message: string) => void, intervalMs = 30_000): (message: string) => void {
  let last = 0;
  return (message) => {
    if (Date.now() - last < intervalMs) return;
    last = Date.now();
    warn(message);
  };
}
