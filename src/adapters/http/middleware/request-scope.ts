import { randomUUID } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import type { Logger } from 'pino';
import { runInScope } from '../../system/execution-scope.js';
import type { HttpMetrics } from '../metrics.js';

const HEALTH_ROUTE = '/api/health';
const VALID_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives each request an id (a valid incoming `X-Request-Id` is kept), puts it in the response and in
 * every log line, and records one access-log line and the metrics when the response is done.
 * Only the path is logged, never the query string, headers or body.
 */
export function requestScope(logger: Logger, metrics: HttpMetrics): Middleware {
  // The access line carries only the fixed fields below (never a query, header or body), so it skips
  // redaction, which would otherwise cost most of a health check's CPU time.
  const accessLog = logger.child({}, { redact: [] });
  const record = (ctx: Context, started: bigint): void => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = (ctx.state.routePattern as string | undefined) ?? 'unmatched';
    metrics.observe(ctx.method, route, ctx.status, seconds);
    // Health probes arrive every few seconds from every load balancer: logged at debug only.
    accessLog[route === HEALTH_ROUTE ? 'debug' : 'info'](
      { method: ctx.method, route, path: ctx.path, status: ctx.status, ms: Math.round(seconds * 1e4) / 10 },
      'request',
    );
  };
  return (ctx, next) => {
    const incoming = ctx.get('X-Request-Id');
    const requestId = VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    return runInScope(requestId, () => next().finally(() => record(ctx, started)));
  };
}
