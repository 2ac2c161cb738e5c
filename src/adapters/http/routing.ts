import Router from '@koa/router';
import type { Context, Middleware } from 'koa';
import { parseOrThrow } from './parse.js';
import type { Endpoint } from './endpoint.js';
import { MethodNotAllowedError, RequestValidationError, RouteNotFoundError } from './http-errors.js';
import { actorFor, type Authenticate } from './middleware/authenticate.js';
import { RateLimitRefusal, type RateLimits, type RateLimitState } from './rate-limits.js';

export interface RoutingDeps {
  authenticate: Authenticate;
  rateLimits: RateLimits;
}

/**
 * Turns endpoint declarations into Koa routes. For each request, in this order: who is calling
 * (a general route counts a caller it turns away per IP), the rate limit, the parsed params, query
 * and body, the per-identifier limit, then the handler.
 */
export function buildRouter(endpoints: Endpoint[], deps: RoutingDeps): Middleware[] {
  const router = new Router();
  // Paths without parameters are found with one map lookup instead of trying every route's pattern
  // (the router matches linearly); the router still serves the rest, other spellings and HEAD.
  const exact = new Map<string, Endpoint>();
  for (const ep of endpoints) {
    router.register(ep.path, [ep.method], async (ctx: Context) => serve(ep, ctx, deps));
    if (!ep.path.includes(':')) exact.set(`${ep.method} ${ep.path}`, ep);
  }
  const exactDispatch: Middleware = (ctx, next) => {
    const ep = exact.get(`${ctx.method} ${ctx.path}`);
    return ep ? serve(ep, ctx, deps) : next();
  };
  return [exactDispatch, router.routes() as unknown as Middleware, notFoundOrWrongMethod(router)];
}

async function serve(ep: Endpoint, ctx: Context, deps: RoutingDeps): Promise<void> {
  ctx.state.routePattern = ep.path;
  const limits: RateLimitState[] = [];
  let actor: Awaited<ReturnType<typeof actorFor>>;
  try {
    // Anonymous calls to public routes (health checks among them) need no asynchronous work here.
    actor =
      ep.access.kind === 'public' && !ctx.get('Authorization')
        ? null
        : await actorFor(ep.access, ctx, deps.authenticate);
  } catch (error) {
    // No token, a bad one or the wrong kind: still a request, counted per IP (may turn into a 429).
    if (ep.rateLimit === 'general') await consume(deps, ctx, 'api', `ip:${ctx.ip}`, limits);
    throw error;
  }
  if (ep.rateLimit === 'general') {
    const key = actor
      ? `${actor.kind}:${actor.kind === 'staff' ? actor.userId : actor.patientId}`
      : `ip:${ctx.ip}`;
    limits.push(await consume(deps, ctx, 'api', key, limits));
  } else if (ep.rateLimit === 'otp' || ep.rateLimit === 'auth') {
    limits.push(await consume(deps, ctx, `${ep.rateLimit}:ip`, ctx.ip, limits));
  }
  const params = ep.params ? parseOrThrow(ep.params, { ...ctx.params }, 'params') : undefined;
  const query = ep.query ? parseOrThrow(ep.query, { ...ctx.query }, 'query') : undefined;
  const body = ep.body ? parseOrThrow(ep.body, jsonBody(ctx), 'body') : undefined;
  if ((ep.rateLimit === 'otp' || ep.rateLimit === 'auth') && ep.identifier) {
    limits.push(await consume(deps, ctx, `${ep.rateLimit}:id`, ep.identifier(body), limits));
  }
  const result = await ep.handle({
    params,
    query,
    body,
    actor,
    requestId: String(ctx.state.requestId),
    ip: ctx.ip,
    koa: ctx,
  });
  if (ep.raw) return;
  ctx.status = result?.status ?? 200;
  ctx.body = {
    success: true,
    ...(result?.message !== undefined ? { message: result.message } : {}),
    ...(result?.data !== undefined ? { data: result.data } : {}),
    ...(result?.meta !== undefined ? { meta: result.meta } : {}),
  };
}

/** Counts the request and shows the tightest of the limits met so far in the X-RateLimit-* headers. */
async function consume(
  deps: RoutingDeps,
  ctx: Context,
  bucket: Parameters<RateLimits['consume']>[0],
  key: string,
  earlier: RateLimitState[],
): Promise<RateLimitState> {
  let state: RateLimitState;
  try {
    state = await deps.rateLimits.consume(bucket, key);
  } catch (error) {
    // A 429 shows the limit that refused it.
    if (error instanceof RateLimitRefusal) setLimitHeaders(ctx, error.state);
    throw error;
  }
  setLimitHeaders(
    ctx,
    [...earlier, state].reduce((a, b) => (b.remaining < a.remaining ? b : a)),
  );
  return state;
}

function setLimitHeaders(ctx: Context, state: RateLimitState): void {
  ctx.set('X-RateLimit-Limit', String(state.limit));
  ctx.set('X-RateLimit-Remaining', String(state.remaining));
  ctx.set('X-RateLimit-Reset', String(state.reset));
}

function jsonBody(ctx: Context): unknown {
  const hasBody = Number(ctx.request.length ?? 0) > 0 || ctx.get('Transfer-Encoding') !== '';
  if (hasBody && !ctx.is('application/json')) {
    throw new RequestValidationError({ body: 'Content-Type must be application/json' });
  }
  return (ctx.request as { body?: unknown }).body ?? {};
}

function notFoundOrWrongMethod(router: Router): Middleware {
  return async (ctx) => {
    if (ctx.state.routePattern !== undefined) return;
    const matched = router.match(ctx.path, ctx.method);
    const allowed = [...new Set(matched.path.flatMap((layer) => layer.methods))];
    if (allowed.length > 0) throw new MethodNotAllowedError(allowed);
    throw new RouteNotFoundError();
  };
}
