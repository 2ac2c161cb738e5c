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
  /** Runs around each request's own work (the bootstrap gives each request its own ORM context). */
  perRequest?: Koa.Middleware;
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
  if (deps.perRequest) app.use(deps.perRequest);
  app.use(securityHeaders(deps.production));
  app.use(
    cors({
      origin: (ctx) => (allowed.has(ctx.get('Origin')) ? ctx.get('Origin') : ''),
      allowHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'],
      exposeHeaders: EXPOSED_HEADERS,
      maxAge: 600,
    }),
  );
  app.use(errorEnvelope(deps.logger, deps.jsonLimitKb * 1024));
  app.use(bodyParser({ enableTypes: ['json'], jsonLimit: `${deps.jsonLimitKb}kb`, encoding: 'utf-8' }));
  for (const middleware of buildRouter(deps.endpoints, deps)) app.use(middleware);
  return app;
}
