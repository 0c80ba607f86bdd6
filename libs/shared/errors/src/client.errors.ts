import { AppError } from './app.error';

export interface FieldError {
  field: string;
  messages: string[];
}

export class ValidationError extends AppError {
  readonly status = 400;
  constructor(message: string, fieldErrors: FieldError[] = [], code = 'VALIDATION_ERROR') {
    super(code, message, fieldErrors.length ? { fields: fieldErrors } : undefined);
  }

  static field(field: string, message: string): ValidationError {
    return new ValidationError(`${field}: ${message}`, [{ field, messages: [message] }]);
  }
}

export class UnauthorizedError extends AppError {
  readonly status = 401;
  constructor(message = 'Authentication required') {
    super('UNAUTHORIZED', message);
  }
}

export class ForbiddenError extends AppError {
  readonly status = 403;
  constructor(message = 'You do not have permission for this action', details?: Record<string, unknown>) {
    super('FORBIDDEN', message, details);
  }
}

/** `code` is `<THING>_NOT_FOUND`, e.g. `new NotFoundError('TENANT', id)`. */
export class NotFoundError extends AppError {
  readonly status = 404;
  constructor(thing: string, id?: string) {
    super(
      `${thing}_NOT_FOUND`,
      id ? `${humanize(thing)} ${id} was not found` : `${humanize(thing)} was not found`,
    );
  }
}

export class ConflictError extends AppError {
  readonly status = 409;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}

export class GoneError extends AppError {
  readonly status = 410;
  constructor(code: string, message: string) {
    super(code, message);
  }
}

export class PreconditionFailedError extends AppError {
  readonly status = 412;
  constructor(expectedVersion: number, currentVersion?: number) {
    super(
      'PRECONDITION_FAILED',
      'The resource was changed since you read it (If-Match does not match its current version)',
      currentVersion === undefined ? { expectedVersion } : { expectedVersion, currentVersion },
    );
  }
}

/** A request that is well-formed but breaks a business rule (422). */
export class BusinessRuleError extends AppError {
  readonly status = 422;
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, details);
  }
}

export class InvalidStatusTransitionError extends BusinessRuleError {
  constructor(currentStatus: string, requestedStatus: string, allowedTransitions: readonly string[]) {
    super('INVALID_STATUS_TRANSITION', `Cannot change status from ${currentStatus} to ${requestedStatus}`, {
      currentStatus,
      requestedStatus,
      allowedTransitions: [...allowedTransitions],
    });
  }
}

export class RateLimitedError extends AppError {
  readonly status = 429;
  constructor(readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many requests; retry after ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

function humanize(thing: string): string {
  const words = thing.toLowerCase().split('_');
  words[0] = words[0].charAt(0).toUpperCase() + words[0].slice(1);
  return words.join(' ');
}
