import {
  AppError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  UpstreamError,
} from '@bbws/shared-errors';

interface HttpFailure {
  status: number;
  message: string;
  headers: Record<string, string | number | undefined>;
}

/** Octokit's RequestError (status + response headers), read structurally. */
export function httpFailure(error: unknown): HttpFailure | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const status = (error as { status: unknown }).status;
  if (typeof status !== 'number') return undefined;
  const response = (error as { response?: { headers?: HttpFailure['headers'] } }).response;
  const message = (error as { message?: unknown }).message;
  return { status, message: typeof message === 'string' ? message : '', headers: response?.headers ?? {} };
}

export function isStatus(error: unknown, status: number): boolean {
  return httpFailure(error)?.status === status;
}

/** GitHub's answer in our error classes; `what` names the thing looked up for a 404 (e.g. `WORKFLOW_RUN`). */
export function mapGitHubError(error: unknown, what = 'GITHUB_RESOURCE', id?: string): AppError {
  if (error instanceof AppError) return error;
  const failure = httpFailure(error);
  if (!failure) {
    return new UpstreamError(`GitHub unreachable: ${(error as Error)?.message ?? String(error)}`, {
      retryable: true,
    });
  }
  const retryAfter = rateLimitWait(failure);
  if (retryAfter !== undefined) return new RateLimitedError(retryAfter);
  switch (failure.status) {
    case 401:
      return new UnauthorizedError(`GitHub rejected the token: ${failure.message}`);
    case 403:
      return new ForbiddenError(`GitHub refused the request: ${failure.message}`);
    case 404:
      return new NotFoundError(what, id);
    default:
      return new UpstreamError(`GitHub answered ${failure.status}: ${failure.message}`, {
        upstreamStatus: failure.status,
        retryable: failure.status >= 500,
      });
  }
}

/** Seconds to wait when GitHub says the rate limit is spent (429, or 403 with the limit headers). */
function rateLimitWait(failure: HttpFailure): number | undefined {
  if (failure.status !== 429 && failure.status !== 403) return undefined;
  const retryAfter = Number(failure.headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter > 0) return retryAfter;
  if (String(failure.headers['x-ratelimit-remaining']) === '0') {
    const reset = Number(failure.headers['x-ratelimit-reset']);
    if (Number.isFinite(reset)) return Math.max(1, Math.ceil(reset - Date.now() / 1000));
    return 60;
  }
  return failure.status === 429 ? 60 : undefined;
}
