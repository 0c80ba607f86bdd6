import { NotFoundError, UpstreamError, ValidationError } from '@bbws/shared-errors';

/** A key or prefix the store refuses before sending anything (400 `INVALID_ARTIFACT_KEY`). */
export class InvalidArtifactKeyError extends ValidationError {
  constructor(field: string, key: string, reason: string) {
    super(
      `${field} "${key.slice(0, 80)}" ${reason}`,
      [{ field, messages: [reason] }],
      'INVALID_ARTIFACT_KEY',
    );
  }
}

/** 404 `ARTIFACT_NOT_FOUND`. */
export class ArtifactNotFoundError extends NotFoundError {
  constructor(readonly key: string) {
    super('ARTIFACT', key);
  }
}

/** The store refused our credentials or policy: a configuration problem, not worth retrying. */
export class ArtifactAccessDeniedError extends UpstreamError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, { code: 'ARTIFACT_ACCESS_DENIED', retryable: false, upstreamStatus: 403, details });
  }
}

/** The store failed or could not be reached; `retryable` for throttling, 5xx and network errors. */
export class ArtifactStoreError extends UpstreamError {
  constructor(
    message: string,
    options: { upstreamStatus?: number; retryable: boolean; details?: Record<string, unknown> },
  ) {
    super(message, { ...options, code: 'ARTIFACT_STORE_FAILED' });
  }
}
