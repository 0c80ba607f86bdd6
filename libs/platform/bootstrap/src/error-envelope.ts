import {
  AppError,
  DependencyUnavailableError,
  RateLimitedError,
  dependencyFailure,
} from '@bbws/shared-errors';

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
  requestId: string;
  timestamp: string;
}

export interface MappedError {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** Unexpected errors are logged with their stack; expected ones are not. */
  unexpected: boolean;
}

interface FrameworkError {
  statusCode?: number;
  status?: number;
  code?: string;
  message?: string;
  getStatus?: () => number;
  getResponse?: () => unknown;
}

/** Fastify's own client errors (body parsing, size, media type) become our 400s (API.md). */
const FASTIFY_BAD_REQUEST: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is larger than 256 KiB',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'The request body must be application/json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body',
};

export function mapError(thrown: unknown, requestId: string, now: Date): MappedError {
  // SDK network failures, timeouts and 5xx of DynamoDB/SQS are a 503 the caller may retry, not our bug.
  const error = dependencyFailure(thrown) ?? thrown;
  const timestamp = now.toISOString();
  const make = (
    status: number,
    code: string,
    message: string,
    details?: Record<string, unknown>,
    unexpected = false,
  ): MappedError => ({
    status,
    body: { error: { code, message, ...(details ? { details } : {}) }, requestId, timestamp },
    headers: {},
    unexpected,
  });

  if (error instanceof AppError) {
    const mapped = make(error.status, error.code, error.message, error.details, error.status >= 500);
    if (error instanceof RateLimitedError || error instanceof DependencyUnavailableError)
      mapped.headers['Retry-After'] = String(error.retryAfterSeconds);
    return mapped;
  }
  const framework = (error ?? {}) as FrameworkError;
  if (framework.code && FASTIFY_BAD_REQUEST[framework.code]) {
    return make(400, 'VALIDATION_ERROR', FASTIFY_BAD_REQUEST[framework.code]);
  }
  const status =
    typeof framework.getStatus === 'function' ? framework.getStatus() : (framework.statusCode ?? 500);
  if (status === 404) return make(404, 'ROUTE_NOT_FOUND', 'No route matches this method and path');
  if (status === 405) return make(405, 'METHOD_NOT_ALLOWED', 'Method not allowed');
  if (status === 429) return make(429, 'RATE_LIMITED', 'Too many requests');
  if (status >= 400 && status < 500) return make(400, 'VALIDATION_ERROR', framework.message ?? 'Bad request');
  return make(500, 'INTERNAL_ERROR', 'An unexpected error occurred', undefined, true);
}
