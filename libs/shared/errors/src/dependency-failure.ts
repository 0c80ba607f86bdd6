import { DependencyUnavailableError } from './server.errors';

/** Socket-level failures: the service is down, restarting, or unreachable. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ERR_SOCKET_CONNECTION_TIMEOUT',
]);

/** Names the AWS SDK gives timeouts and the services' own "try later" answers. */
const UNAVAILABLE_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'ServiceUnavailable',
  'InternalServerError',
  'InternalFailure',
]);

interface SdkErrorShape {
  name?: string;
  code?: string;
  message?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number };
}

/**
 * An AWS SDK error (it carries `$metadata`) that means the service was unavailable rather than that
 * the request was wrong: a network failure, a timeout, a 5xx or throttling once the SDK's own retries
 * are spent. Undefined for everything else (conditional check failures, validation errors, our bugs).
 */
export function dependencyFailure(error: unknown): DependencyUnavailableError | undefined {
  if (!error || typeof error !== 'object' || !('$metadata' in error)) return undefined;
  const sdk = error as SdkErrorShape;
  const status = sdk.$metadata?.httpStatusCode;
  const unavailable =
    NETWORK_CODES.has(sdk.code ?? networkCodeInWrapper(sdk.message)) ||
    (sdk.name !== undefined && UNAVAILABLE_NAMES.has(sdk.name)) ||
    (status !== undefined && status >= 500);
  return unavailable ? new DependencyUnavailableError() : undefined;
}

/**
 * The SDK wraps an error it cannot recognise as an Error (one from another realm, e.g. under a test
 * runner's sandbox) as `AWS SDK error wrapper for Error: connect ECONNREFUSED ...`, dropping its code.
 */
function networkCodeInWrapper(message: string | undefined): string {
  if (!message?.startsWith('AWS SDK error wrapper for')) return '';
  return /\b(E[A-Z_]+)\b/.exec(message)?.[1] ?? '';
}
