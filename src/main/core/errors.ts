// The few domain errors the core throws, each with a stable code. They are mapped to HTTP in one
// place (api/error-handler.ts); messages must never contain secrets or internals.

export type ErrorCode =
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'VALIDATION'
  | 'FORBIDDEN'
  | 'UNAUTHORIZED'
  | 'EXTERNAL_SERVICE'
  | 'UNAVAILABLE'
  | 'RATE_LIMITED';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND' as const;
}
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT' as const;
}
export class ValidationError extends DomainError {
  readonly code = 'VALIDATION' as const;
}
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN' as const;
}
export class UnauthorizedError extends DomainError {
  readonly code = 'UNAUTHORIZED' as const;
}
export class ExternalServiceError extends DomainError {
  readonly code = 'EXTERNAL_SERVICE' as const;
}
/** A service the app needs (database, keychain) is not usable right now. */
export class UnavailableError extends DomainError {
  readonly code = 'UNAVAILABLE' as const;
}
/** Too many requests or attempts; the caller may try again after `retryAfterSeconds` (429, Retry-After). */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED' as const;
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, { retryAfterSeconds });
  }
}
