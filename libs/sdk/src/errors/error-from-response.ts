import {
  BbwsApiError,
  BbwsConflictError,
  BbwsForbiddenError,
  BbwsNotFoundError,
  BbwsPreconditionFailedError,
  BbwsRateLimitedError,
  BbwsUnauthorizedError,
  BbwsUnavailableError,
  BbwsValidationError,
  type ErrorEnvelope,
} from './api-errors';
import { retryAfterMs } from './retry-after';

type ApiErrorClass = new (...args: ConstructorParameters<typeof BbwsApiError>) => BbwsApiError;

function errorClass(status: number): ApiErrorClass {
  if (status === 400 || status === 422) return BbwsValidationError;
  if (status === 401) return BbwsUnauthorizedError;
  if (status === 403) return BbwsForbiddenError;
  if (status === 404 || status === 410) return BbwsNotFoundError;
  if (status === 409) return BbwsConflictError;
  if (status === 412) return BbwsPreconditionFailedError;
  if (status === 429) return BbwsRateLimitedError;
  if (status >= 500) return BbwsUnavailableError;
  return BbwsApiError;
}

function isEnvelope(body: unknown): body is ErrorEnvelope {
  const error = (body as ErrorEnvelope | undefined)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string';
}

/** The typed error for a non-2xx answer; `body` is its parsed JSON (the error envelope), if any. */
export function errorFromResponse(response: Response, body: unknown): BbwsApiError {
  const retryAfterMilliseconds = retryAfterMs(response);
  const retryAfter =
    retryAfterMilliseconds === undefined ? undefined : Math.ceil(retryAfterMilliseconds / 1000);
  const apiError = errorClass(response.status);
  if (isEnvelope(body)) {
    return new apiError(
      response.status,
      body.error.code,
      body.error.message,
      body.error.details ?? {},
      body.requestId ?? response.headers.get('x-request-id') ?? undefined,
      retryAfter,
    );
  }
  return new apiError(
    response.status,
    `HTTP_${response.status}`,
    `${response.status} ${response.statusText || 'error'} from ${response.url}`,
    {},
    response.headers.get('x-request-id') ?? undefined,
    retryAfter,
  );
}
