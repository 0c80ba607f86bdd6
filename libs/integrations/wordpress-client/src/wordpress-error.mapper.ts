import { UpstreamError, UpstreamTimeoutError } from '@bbws/shared-errors';
import type { WordPressCall } from './wordpress-call';

type CallRef = Pick<WordPressCall, 'operation'>;

interface WordPressErrorBody {
  code?: unknown;
  message?: unknown;
  data?: unknown;
}

/** `bbws_plugin_conflict` -> `WORDPRESS_PLUGIN_CONFLICT`, `rest_forbidden` -> `WORDPRESS_REST_FORBIDDEN`. */
export function wordpressErrorCode(wordpressCode: string): string {
  const normalized = wordpressCode
    .replace(/^bbws_/, '')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  return `WORDPRESS_${normalized || 'ERROR'}`;
}

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** A non-2xx answer: 5xx, 408 and 429 retryable; any other 4xx not. */
export function errorFromResponse(call: CallRef, status: number, rawBody: string): UpstreamError {
  const body = parseErrorBody(rawBody);
  const wordpressCode = typeof body.code === 'string' ? body.code : `http_${status}`;
  const reason = typeof body.message === 'string' && body.message ? body.message : `HTTP ${status}`;
  const data = isRecord(body.data) ? withoutStatus(body.data) : undefined;
  return new UpstreamError(`WordPress ${call.operation} failed: ${reason}`, {
    upstreamStatus: status,
    code: wordpressErrorCode(wordpressCode),
    retryable: isRetryableStatus(status),
    details: {
      operation: call.operation,
      wordpressCode,
      ...(data && Object.keys(data).length ? { wordpress: data } : {}),
    },
  });
}

/** No answer: timeouts and connection failures are retryable; a request Node refused to send is not. */
export function errorFromTransport(call: CallRef, error: unknown, timeoutMs: number): UpstreamError {
  const code = errorCode(error);
  if (code === 'BBWS_TIMEOUT') {
    return new UpstreamTimeoutError(`WordPress ${call.operation} did not answer within ${timeoutMs} ms`, {
      operation: call.operation,
    });
  }
  const reason = error instanceof Error ? error.message : String(error);
  const neverSent = code !== undefined && code.startsWith('ERR_INVALID');
  return new UpstreamError(`WordPress ${call.operation} could not be reached: ${reason}`, {
    code: neverSent ? 'WORDPRESS_REQUEST_INVALID' : 'WORDPRESS_UNREACHABLE',
    retryable: !neverSent,
    details: { operation: call.operation, ...(code ? { cause: code } : {}) },
  });
}

export function circuitOpenError(call: CallRef): UpstreamError {
  return new UpstreamError(
    `WordPress ${call.operation} not attempted: the instance's circuit breaker is open`,
    {
      code: 'WORDPRESS_CIRCUIT_OPEN',
      retryable: true,
      details: { operation: call.operation },
    },
  );
}

export function invalidResponseError(call: CallRef, status: number): UpstreamError {
  return new UpstreamError(
    `WordPress ${call.operation} answered HTTP ${status} with a body that is not JSON`,
    {
      upstreamStatus: status,
      code: 'WORDPRESS_INVALID_RESPONSE',
      retryable: false,
      details: { operation: call.operation },
    },
  );
}

/** What the retry and circuit-breaker policies count as a failure of the instance. */
export function isInstanceFailure(error: unknown): boolean {
  return error instanceof UpstreamError && error.retryable;
}

function parseErrorBody(rawBody: string): WordPressErrorBody {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    return isRecord(parsed) ? parsed : {};
  } catch {
    return {};
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutStatus(data: Record<string, unknown>): Record<string, unknown> {
  const { status: _status, ...rest } = data;
  return rest;
}

function errorCode(error: unknown): string | undefined {
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return undefined;
}
