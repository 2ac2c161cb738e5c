import type { Middleware } from 'koa';

/**
 * An API answers JSON: nothing may frame, sniff or cache it. Set before the route runs, so a route
 * that serves something else (the docs page and its assets) replaces CSP and Cache-Control itself.
 */
export function securityHeaders(production: boolean): Middleware {
  const fixed: Array<[string, string]> = [
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'no-referrer'],
    ['Cross-Origin-Opener-Policy', 'same-origin'],
    ['Cross-Origin-Resource-Policy', 'same-origin'],
    ['Cache-Control', 'no-store'],
    ['Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'"],
    ...(production
      ? [['Strict-Transport-Security', 'max-age=31536000; includeSubDomains'] as [string, string]]
      : []),
  ];
  return (ctx, next) => {
    for (const [name, value] of fixed) ctx.res.setHeader(name, value);
    return next();
  };
}
