/** The error envelope every BBWS API answers with (`{ error: { code, message, details }, requestId, timestamp }`). */
export interface ErrorEnvelope {
  error: { code: string; message: string; details?: Record<string, unknown> };
  requestId?: string;
  timestamp?: string;
}

/** Any answer of the API outside 2xx. `code` is the API's stable code (`VALIDATION_ERROR`, `NOT_FOUND`…). */
export class BbwsApiError extends Error {
  override readonly name: string = 'BbwsApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly requestId?: string,
    /** Seconds, from `Retry-After` (429, 503). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

/** 400 and 422: the request is malformed or breaks a rule; sending it again changes nothing. */
export class BbwsValidationError extends BbwsApiError {
  override readonly name = 'BbwsValidationError';
}
/** 401: no token, or one that is invalid or expired. */
export class BbwsUnauthorizedError extends BbwsApiError {
  override readonly name = 'BbwsUnauthorizedError';
}
/** 403: the caller lacks the role. */
export class BbwsForbiddenError extends BbwsApiError {
  override readonly name = 'BbwsForbiddenError';
}
/** 404 (also what another tenant's resources answer) and 410 (gone). */
export class BbwsNotFoundError extends BbwsApiError {
  override readonly name = 'BbwsNotFoundError';
}
/** 409: the resource's state forbids it now, or another request holds it. */
export class BbwsConflictError extends BbwsApiError {
  override readonly name = 'BbwsConflictError';
}
/** 412: `If-Match` names a version someone has since changed. Fetch again and reapply. */
export class BbwsPreconditionFailedError extends BbwsApiError {
  override readonly name = 'BbwsPreconditionFailedError';
}
/** 429: too many requests; `retryAfter` says when to try again. */
export class BbwsRateLimitedError extends BbwsApiError {
  override readonly name = 'BbwsRateLimitedError';
}
/** 5xx: the platform or one of its dependencies is unavailable; retryable. */
export class BbwsUnavailableError extends BbwsApiError {
  override readonly name = 'BbwsUnavailableError';
}

/** The request never got an HTTP answer (connection refused, reset, DNS). */
export class BbwsNetworkError extends Error {
  override readonly name = 'BbwsNetworkError';

  constructor(
    readonly url: string,
    override readonly cause: unknown,
  ) {
    super(`${url}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}
