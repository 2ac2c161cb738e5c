import type { IncomingHttpHeaders } from 'node:http';
import { bodyParser } from '@koa/bodyparser';
import cors from '@koa/cors';
import Koa from 'koa';
import type { Logger } from 'pino';
import type { Endpoint } from './endpoint.js';
import type { HttpMetrics } from './metrics.js';
import type { Authenticate } from './middleware/authenticate.js';
import { errorEnvelope } from './middleware/error-envelope.js';
import { requestScope } from './middleware/request-scope.js';
import { securityHeaders } from './middleware/security-headers.js';
import type { RateLimits } from './rate-limits.js';
import { buildRouter } from './routing.js';

export interface HttpAppDeps {
  endpoints: Endpoint[];
  logger: Logger;
  metrics: HttpMetrics;
  rateLimits: RateLimits;
  authenticate: Authenticate;
  corsOrigins: string[];
  production: boolean;
  jsonLimitKb: number;
  /** Behind a reverse proxy, take the client's IP from X-Forwarded-For (rate limits are per IP). */
  trustProxy: boolean;
}

const EXPOSED_HEADERS = [
  'X-Request-Id',
  'X-RateLimit-Limit',
  'X-RateLimit-Remaining',
  'X-RateLimit-Reset',
  'Retry-After',
];

export function createHttpApp(deps: HttpAppDeps): Koa {
  const app = new Koa({ proxy: deps.trustProxy });
  const allowed = new Set(deps.corsOrigins);
  app.silent = true; // errors are rendered and logged by errorEnvelope, never printed by Koa
  app.use(requestScope(deps.logger, deps.metrics));
  app.use(securityHeaders(deps.production));
  const corsHeaders = cors({
    origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : ''),
    allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
    exposeHeaders: EXPOSED_HEADERS,
    maxAge: 600,
  });
  // Only browsers' cross-origin requests carry Origin; the rest skip CORS entirely. (Responses are
  // `no-store`, so no cache can serve a response without CORS headers to a cross-origin caller.)
  app.use((ctx, next) => (ctx.get('Origin') ? corsHeaders(ctx, next) : next()));
  app.use(errorEnvelope(deps.logger, deps.jsonLimitKb * 1024));
  const parseJson = bodyParser({
    enableTypes: ['json'],
    // DELETE too: cancelling an appointment carries its reason in the body (spec, Appointments).
    parsedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
    jsonLimit: `${deps.jsonLimitKb}kb`,
    encoding: 'utf-8',
  });
  app.use((ctx, next) => (hasBody(ctx.req.headers) ? parseJson(ctx, next) : next()));
  for (const middleware of buildRouter(deps.endpoints, deps)) app.use(middleware);
  return app;
}

/** A request without Content-Length or Transfer-Encoding has no body to parse (most GETs). */
function hasBody(headers: IncomingHttpHeaders): boolean {
  return headers['content-length'] !== undefined || headers['transfer-encoding'] !== undefined;
}
