import type { Context, Middleware } from 'koa';
import type { Logger } from 'pino';
import { DomainError } from '../../../domain/shared/domain-error.js';
import { isDatabaseUnavailable } from '../../persistence/database-errors.js';
import { errorBody } from '../envelope.js';
import { STATUS_BY_CODE } from '../error-status.js';
import { MethodNotAllowedError, RateLimitExceededError } from '../http-errors.js';

interface KoaHttpError {
  status?: number;
  statusCode?: number;
  expose?: boolean;
  type?: string;
}

/** Renders every failure in the spec's envelope. Anything unknown is a logged 500 with a generic message. */
export function errorEnvelope(logger: Logger, jsonLimitBytes: number): Middleware {
  // A plain `.catch` rather than an async wrapper: this runs on every request.
  return (ctx, next) => next().catch((error: unknown) => render(ctx, error));

  function render(ctx: Context, error: unknown): void {
    discardUnreadBody(ctx);
    if (error instanceof DomainError) {
      ctx.status = STATUS_BY_CODE[error.code];
      if (error instanceof MethodNotAllowedError) ctx.set('Allow', error.allowed.join(', '));
      if (error instanceof RateLimitExceededError) ctx.set('Retry-After', String(error.retryAfter));
      const retryAfter = error instanceof RateLimitExceededError ? error.retryAfter : undefined;
      ctx.body = errorBody(error.code, error.message, error.details, retryAfter);
      return;
    }
    const httpError = error as KoaHttpError;
    const status = httpError.status ?? httpError.statusCode;
    if (status === 413) {
      ctx.status = 413;
      ctx.body = errorBody('PAYLOAD_TOO_LARGE', `Request body is larger than ${jsonLimitBytes} bytes`);
      return;
    }
    if (
      (status !== undefined && status >= 400 && status < 500 && httpError.expose !== false) ||
      isDecompressionError(error)
    ) {
      // The body parser's refusals: malformed JSON, a wrong charset or content encoding, a
      // Content-Encoding: gzip/deflate body that does not decompress.
      ctx.status = 400;
      const problem =
        error instanceof SyntaxError || httpError.type === 'entity.parse.failed'
          ? 'Malformed JSON'
          : 'Unreadable request body';
      ctx.body = errorBody('VALIDATION_ERROR', 'Validation failed', { body: problem });
      return;
    }
    if (isDatabaseUnavailable(error)) {
      logger.error({ err: error }, 'database unavailable');
      ctx.status = 503;
      ctx.body = errorBody('SERVICE_UNAVAILABLE', 'Service temporarily unavailable');
      return;
    }
    logger.error({ err: error }, 'unhandled error');
    ctx.status = 500;
    ctx.body = errorBody('INTERNAL_ERROR', `Internal server error (request ${String(ctx.state.requestId)})`);
  }
}

/** zlib's failures (Z_DATA_ERROR, Z_BUF_ERROR, brotli's ERR__ERROR_FORMAT_…) inflating a request body. */
function isDecompressionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^(Z_|ERR__ERROR_|ERR_BROTLI)/.test(code);
}

/**
 * A body the parser stopped reading (over the cap, not decompressible, a failure mid-stream) must not
 * stay on a kept-alive connection, or the next request on it is parsed from the leftovers. Drain it
 * and close the connection after this answer.
 */
function discardUnreadBody(ctx: Context): void {
  if (ctx.req.complete) return;
  ctx.set('Connection', 'close');
  ctx.req.resume();
}
