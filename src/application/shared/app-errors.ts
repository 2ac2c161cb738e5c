import { DomainError, type ErrorCode, type ErrorDetails } from '../../domain/shared/domain-error.js';

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super('NOT_FOUND', `${what} not found`);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(code: Extract<ErrorCode, 'UNAUTHORIZED' | 'INVALID_TOKEN' | 'TOKEN_EXPIRED'>, message: string) {
    super(code, message);
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 'Invalid credentials');
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = "You don't have permission to access this resource") {
    super('FORBIDDEN', message);
  }
}

export class ConflictError extends DomainError {
  constructor(
    code: Extract<ErrorCode, 'DUPLICATE_ENTRY' | 'SLOT_UNAVAILABLE' | 'INVALID_STATE_TRANSITION'>,
    message: string,
    details?: ErrorDetails,
  ) {
    super(code, message, details);
  }
}

/** An outside provider (payments, messaging, video) could not do its part; nothing was changed. */
export class GatewayUnavailableError extends DomainError {
  constructor(gateway: string) {
    super('GATEWAY_UNAVAILABLE', `${gateway} is unavailable. Please try again`);
  }
}
