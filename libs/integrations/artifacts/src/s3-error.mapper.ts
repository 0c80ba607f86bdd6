import { AppError } from '@bbws/shared-errors';
import { ArtifactAccessDeniedError, ArtifactNotFoundError, ArtifactStoreError } from './artifact.errors';

interface S3Failure {
  name?: string;
  Code?: string;
  code?: string;
  message?: string;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: number };
}

const NOT_FOUND = new Set(['NoSuchKey', 'NotFound']);
const ACCESS_DENIED = new Set([
  'AccessDenied',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'ExpiredToken',
  'InvalidToken',
]);
const THROTTLED = new Set([
  'SlowDown',
  'Throttling',
  'ThrottlingException',
  'RequestTimeout',
  'TooManyRequests',
]);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'TimeoutError',
]);

/**
 * Maps an S3 SDK failure of `operation` on `key` to our errors: a missing object (not a missing
 * bucket, which is a configuration problem) → `ArtifactNotFoundError`; refused credentials or
 * policy → `ArtifactAccessDeniedError`; anything else → `ArtifactStoreError`, retryable for
 * throttling, 5xx and network failures. Our own errors pass through unchanged.
 */
export function mapS3Error(error: unknown, operation: string, key?: string): Error {
  if (error instanceof AppError) return error;
  const failure = (error ?? {}) as S3Failure;
  const code = failure.Code ?? failure.name ?? failure.code ?? 'Unknown';
  const status = failure.$metadata?.httpStatusCode;
  const details = { operation, s3Code: code, ...(key === undefined ? {} : { key }) };
  if (NOT_FOUND.has(code) && key !== undefined) return new ArtifactNotFoundError(key);
  if (ACCESS_DENIED.has(code) || status === 403)
    return new ArtifactAccessDeniedError(`The artifact store refused ${operation} (${code})`, details);
  const retryable =
    Boolean(failure.$retryable) ||
    THROTTLED.has(code) ||
    NETWORK.has(code) ||
    (failure.code !== undefined && NETWORK.has(failure.code)) ||
    (status ?? 0) >= 500;
  return new ArtifactStoreError(`The artifact store failed ${operation} (${code})`, {
    upstreamStatus: status,
    retryable,
    details,
  });
}
