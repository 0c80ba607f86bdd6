import { AppError } from './app.error';

/** A dependency (WordPress, AWS, GitHub) answered badly or not at all. */
export class UpstreamError extends AppError {
  readonly status: number;
  override readonly retryable: boolean;

  constructor(
    message: string,
    options: {
      upstreamStatus?: number;
      code?: string;
      retryable: boolean;
      details?: Record<string, unknown>;
    },
  ) {
    const details = {
      ...options.details,
      ...(options.upstreamStatus === undefined ? {} : { upstreamStatus: options.upstreamStatus }),
    };
    super(options.code ?? 'UPSTREAM_ERROR', message, Object.keys(details).length ? details : undefined);
    this.retryable = options.retryable;
    this.status = options.code === 'UPSTREAM_TIMEOUT' ? 504 : 502;
    this.upstreamStatus = options.upstreamStatus;
  }

  readonly upstreamStatus?: number;
}

export class UpstreamTimeoutError extends UpstreamError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, { code: 'UPSTREAM_TIMEOUT', retryable: true, details });
  }
}

/** Something that must not happen did; the message is logged, never shown to callers. */
export class InternalError extends AppError {
  readonly status = 500;
  constructor(message: string) {
    super('INTERNAL_ERROR', message);
  }
}

/**
 * A storage or queue service (DynamoDB, SQS) could not be reached or answered with its own failure
 * after the SDK's retries: 503, the caller may try again shortly.
 */
export class DependencyUnavailableError extends AppError {
  readonly status = 503;
  override readonly retryable = true;
  /** @param retryAfterSeconds what a caller should wait before trying again (Retry-After). */
  constructor(readonly retryAfterSeconds = 1) {
    super('DEPENDENCY_UNAVAILABLE', 'A service the platform depends on is unavailable; try again shortly');
  }
}
