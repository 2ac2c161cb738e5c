import autocannon from 'autocannon';

/** What one target is asked to serve in one warm-up or round. */
export interface LoadPlan {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  /** The same JSON body on every request. */
  body?: unknown;
  /**
   * What changes from one request to the next (a one-time code, a token, a query string); called
   * exactly once per request sent. A `body` here is sent as JSON; `headers` add to the plan's.
   */
  vary?: () => Variation;
  /** A fixed number of requests instead of the round's duration (for pools of single-use inputs). */
  amount?: number;
}

export interface Variation {
  path?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface LoadSettings {
  connections: number;
  /** Seconds, for plans without an `amount`. */
  duration: number;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCounts: Record<string, number>;
}

export async function runLoad(baseUrl: string, plan: LoadPlan, settings: LoadSettings): Promise<LoadResult> {
  const headers: Record<string, string> = { ...plan.headers };
  if (plan.body !== undefined || (plan.vary && plan.method !== 'GET'))
    headers['content-type'] = 'application/json';
  const request: autocannon.Request = {
    method: plan.method,
    path: plan.path,
    headers,
    ...(plan.body !== undefined ? { body: JSON.stringify(plan.body) } : {}),
  };
  const vary = plan.vary;
  if (vary) {
    request.setupRequest = (req) => {
      const next = vary();
      return {
        ...req,
        ...(next.path !== undefined ? { path: next.path } : {}),
        ...(next.headers ? { headers: { ...req.headers, ...next.headers } } : {}),
        ...(next.body !== undefined ? { body: JSON.stringify(next.body) } : {}),
      };
    };
  }
  // Timed here from the first request to the last response: autocannon only notices the end of an
  // `amount` run on its next sampling tick, so its own start/finish would under-state req/s.
  const started = performance.now();
  let lastResponse = started;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections: Math.min(settings.connections, plan.amount ?? Infinity),
        ...(plan.amount !== undefined ? { amount: plan.amount } : { duration: settings.duration }),
        sampleInt: 250,
        requests: [request],
      },
      (error, done) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(done),
    );
    instance.on('response', () => {
      lastResponse = performance.now();
    });
  });
  const statusCounts: Record<string, number> = {};
  for (const [status, stat] of Object.entries(result.statusCodeStats ?? {})) {
    statusCounts[status] = stat.count ?? 0;
  }
  const requests = result.requests.total;
  const seconds = (lastResponse - started) / 1000 || result.duration;
  return {
    requests,
    seconds,
    reqPerSec: requests / seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCounts,
  };
}
