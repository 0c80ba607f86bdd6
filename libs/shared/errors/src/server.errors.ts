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
