/**
 * Errors the domain raises, each with a stable code that clients can switch on.
 * Services throw these; only DomainExceptionFilter turns them into HTTP.
 */
export type ErrorCode =
  | 'VALIDATION'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'PAYLOAD_TOO_LARGE'
  | 'RATE_LIMITED'
  | 'UNAVAILABLE'
  | 'INTERNAL';

/** One wrong input field: its dotted path (e.g. `regions.2`) and what is wrong with it. */
export interface FieldError {
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends DomainError {
  constructor(
    readonly fields: FieldError[],
    message = `invalid ${fields.map((f) => f.field).join(', ') || 'input'}`,
  ) {
    super('VALIDATION', message);
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'not allowed for this role') {
    super('FORBIDDEN', message);
  }
}

export class NotFoundError extends DomainError {
  constructor(message: string) {
    super('NOT_FOUND', message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super('CONFLICT', message);
  }
}

export class RateLimitedError extends DomainError {
  constructor(
    /** Whole seconds until a retry can succeed; sent as Retry-After. */
    readonly retryAfterS: number,
    message = 'too many attempts, try again later',
  ) {
    super('RATE_LIMITED', message);
  }
}

/** A service the request needs (e.g. the broker) cannot be reached now; nothing was changed. */
export class UnavailableError extends DomainError {
  constructor(message: string) {
    super('UNAVAILABLE', message);
  }
}
