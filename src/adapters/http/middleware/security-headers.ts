import type { Middleware } from 'koa';

/**
 * An API answers JSON: nothing may frame, sniff or cache it (OWASP's headers for REST services; the
 * document-only ones such as COOP would add bytes to every answer and protect nothing here). Set before the route runs, so a route
 * that serves something else (the docs page and its assets) replaces CSP and Cache-Control itself.
 */
export function securityHeaders(production: boolean): Middleware {
  const fixed: Array<[string, string]> = [
    ['X-Content-Type-Options', 'nosniff'],
    ['X-Frame-Options', 'DENY'],
    ['Referrer-Policy', 'no-referrer'],
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
