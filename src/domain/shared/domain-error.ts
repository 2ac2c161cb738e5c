/** The error codes of the spec and CONTRACT.md; adapters/http maps each to one HTTP status. */
export type ErrorCode =
  | 'VALIDATION_ERROR'
  | 'PAYMENT_FAILED'
  | 'INVALID_SIGNATURE'
  | 'UNAUTHORIZED'
  | 'INVALID_CREDENTIALS'
  | 'TOKEN_EXPIRED'
  | 'INVALID_TOKEN'
  | 'INVALID_OTP'
  | 'OTP_EXPIRED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'DUPLICATE_ENTRY'
  | 'SLOT_UNAVAILABLE'
  | 'INVALID_STATE_TRANSITION'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMIT_EXCEEDED'
  | 'INTERNAL_ERROR'
  | 'GATEWAY_UNAVAILABLE'
  | 'SERVICE_UNAVAILABLE';

export type ErrorDetails = Record<string, unknown>;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A value that breaks an invariant: always a 400, never a 500. */
export class InvalidValueError extends DomainError {
  constructor(field: string, problem: string) {
    super('VALIDATION_ERROR', 'Validation failed', { [field]: problem });
  }
}
