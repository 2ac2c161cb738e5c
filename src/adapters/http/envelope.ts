import type { ErrorCode, ErrorDetails } from '../../domain/shared/domain-error.js';

/** The spec's envelope: `{ success: true, message?, data?, meta? }` or `{ success: false, error }`. */
export interface SuccessBody {
  success: true;
  message?: string;
  data?: unknown;
  meta?: unknown;
}

export interface ErrorBody {
  success: false;
  error: { code: ErrorCode; message: string; details?: ErrorDetails; retryAfter?: number };
}

export function errorBody(
  code: ErrorCode,
  message: string,
  details?: ErrorDetails,
  retryAfter?: number,
): ErrorBody {
  return {
    success: false,
    error: {
      code,
      message,
      ...(details && Object.keys(details).length > 0 ? { details } : {}),
      ...(retryAfter !== undefined ? { retryAfter } : {}),
    },
  };
}
