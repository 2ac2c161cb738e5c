import type { ErrorCode } from '../../../domain/shared/domain-error.js';
import { STATUS_BY_CODE } from '../error-status.js';
import type { ResponseDoc } from '../endpoint.js';

/** Documents the error answers a route can give, one entry per code (grouped by status in OpenAPI). */
export function authErrors(codes: ErrorCode[]): ResponseDoc[] {
  return codes.map((code) => ({ status: STATUS_BY_CODE[code], description: code }));
}

export function messageOnly(description: string): ResponseDoc {
  return { status: 200, description };
}
