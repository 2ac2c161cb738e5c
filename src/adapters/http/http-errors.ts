import { DomainError, type ErrorDetails } from '../../domain/shared/domain-error.js';

/** Errors that only the HTTP edge raises. */
export class RouteNotFoundError extends DomainError {
  constructor() {
    super('NOT_FOUND', 'Route not found');
  }
}

export class MethodNotAllowedError extends DomainError {
  constructor(readonly allowed: string[]) {
    super('METHOD_NOT_ALLOWED', 'Method not allowed');
  }
}

export class PayloadTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super('PAYLOAD_TOO_LARGE', `Request body is larger than ${limitBytes} bytes`);
  }
}

export class RequestValidationError extends DomainError {
  constructor(details: ErrorDetails) {
    super('VALIDATION_ERROR', 'Validation failed', details);
  }
}

export class RateLimitExceededError extends DomainError {
  constructor(readonly retryAfter: number) {
    super('RATE_LIMIT_EXCEEDED', 'Too many requests. Please try again later.');
  }
}

export class ServiceUnavailableError extends DomainError {
  constructor(message = 'Service temporarily unavailable', details?: ErrorDetails) {
    super('SERVICE_UNAVAILABLE', message, details);
  }
}
