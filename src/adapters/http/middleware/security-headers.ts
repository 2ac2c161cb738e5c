import type { Middleware } from 'koa';

/** An API answers JSON; the docs page alone may load its own scripts and styles. */
export function securityHeaders(production: boolean): Middleware {
  return async (ctx, next) => {
    await next();
    ctx.set('X-Content-Type-Options', 'nosniff');
    ctx.set('X-Frame-Options', 'DENY');
    ctx.set('Referrer-Policy', 'no-referrer');
    ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
    ctx.set('Cross-Origin-Resource-Policy', 'same-origin');
    ctx.set('Cache-Control', ctx.response.get('Cache-Control') || 'no-store');
    if (!ctx.response.get('Content-Security-Policy')) {
      ctx.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    }
    if (production) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    ctx.remove('X-Powered-By');
  };
}
