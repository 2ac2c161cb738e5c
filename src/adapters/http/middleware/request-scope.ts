import { randomUUID } from 'node:crypto';
import type { Middleware } from 'koa';
import type { Logger } from 'pino';
import { logScope } from '../../logging/logger.js';
import type { HttpMetrics } from '../metrics.js';

const VALID_REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives each request an id (a valid incoming `X-Request-Id` is kept), puts it in the response and in
 * every log line, and records one access-log line and the metrics when the response is done.
 * Only the path is logged, never the query string, headers or body.
 */
export function requestScope(logger: Logger, metrics: HttpMetrics): Middleware {
  return async (ctx, next) => {
    const incoming = ctx.get('X-Request-Id');
    const requestId = VALID_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    await logScope.run({ requestId }, async () => {
      try {
        await next();
      } finally {
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        const route = (ctx.state.routePattern as string | undefined) ?? 'unmatched';
        metrics.observe(ctx.method, route, ctx.status, seconds);
        logger.info(
          {
            method: ctx.method,
            route,
            path: ctx.path,
            status: ctx.status,
            ms: Math.round(seconds * 1e4) / 10,
          },
          'request',
        );
      }
    });
  };
}
