import {
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  UpstreamError,
} from '@bbws/shared-errors';
import { mapGitHubError } from './github-error.mapper';

const failure = (status: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), { status, response: { headers } });

describe('mapGitHubError', () => {
  it('maps 401 to UnauthorizedError and a plain 403 to ForbiddenError', () => {
    expect(mapGitHubError(failure(401))).toBeInstanceOf(UnauthorizedError);
    expect(mapGitHubError(failure(403))).toBeInstanceOf(ForbiddenError);
  });

  it('maps 404 to NotFoundError naming the thing looked up', () => {
    const error = mapGitHubError(failure(404), 'WORKFLOW_RUN', '7');
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error.code).toBe('WORKFLOW_RUN_NOT_FOUND');
  });

  it('maps rate limits to RateLimitedError with the wait GitHub asks for', () => {
    expect(mapGitHubError(failure(429, { 'retry-after': '30' }))).toMatchObject({ retryAfterSeconds: 30 });
    const reset = String(Math.floor(Date.now() / 1000) + 120);
    const primary = mapGitHubError(
      failure(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }),
    );
    expect(primary).toBeInstanceOf(RateLimitedError);
    expect((primary as RateLimitedError).retryAfterSeconds).toBeGreaterThan(100);
    expect(mapGitHubError(failure(403, { 'retry-after': '60' }))).toBeInstanceOf(RateLimitedError);
  });

  it('maps 5xx and network failures to retryable UpstreamError, other statuses to non-retryable', () => {
    expect(mapGitHubError(failure(502))).toMatchObject({ retryable: true, upstreamStatus: 502 });
    expect(mapGitHubError(new Error('ECONNREFUSED'))).toMatchObject({ retryable: true });
    const invalid = mapGitHubError(failure(422));
    expect(invalid).toBeInstanceOf(UpstreamError);
    expect(invalid.retryable).toBe(false);
  });
});
