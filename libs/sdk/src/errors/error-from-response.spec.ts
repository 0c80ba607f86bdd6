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
  errorFromResponse,
} from '../index';

const envelope = (code: string) => ({
  error: { code, message: 'it went wrong', details: { field: 'name' } },
  requestId: 'req-7',
});

describe('errorFromResponse', () => {
  it.each([
    [400, BbwsValidationError],
    [422, BbwsValidationError],
    [401, BbwsUnauthorizedError],
    [403, BbwsForbiddenError],
    [404, BbwsNotFoundError],
    [410, BbwsNotFoundError],
    [409, BbwsConflictError],
    [412, BbwsPreconditionFailedError],
    [429, BbwsRateLimitedError],
    [500, BbwsUnavailableError],
    [503, BbwsUnavailableError],
  ])('maps %i to its class, with the envelope code, details and request id', (status, type) => {
    const error = errorFromResponse(new Response(null, { status }), envelope('SOME_CODE'));
    expect(error).toBeInstanceOf(type);
    expect(error).toBeInstanceOf(BbwsApiError);
    expect(error).toMatchObject({
      status,
      code: 'SOME_CODE',
      details: { field: 'name' },
      requestId: 'req-7',
    });
    expect(error.name).toBe(type.name);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const seconds = errorFromResponse(
      new Response(null, { status: 429, headers: { 'retry-after': '7' } }),
      {},
    );
    expect(seconds.retryAfter).toBe(7);
    const date = new Date(Date.now() + 30_000).toUTCString();
    const dated = errorFromResponse(
      new Response(null, { status: 503, headers: { 'retry-after': date } }),
      {},
    );
    expect(dated.retryAfter).toBeGreaterThanOrEqual(28);
    expect(dated.retryAfter).toBeLessThanOrEqual(30);
  });

  it('names the status when the body is no error envelope', () => {
    const error = errorFromResponse(
      new Response('<html>', { status: 502, statusText: 'Bad Gateway', headers: { 'x-request-id': 'r-2' } }),
      '<html>',
    );
    expect(error).toMatchObject({ status: 502, code: 'HTTP_502', requestId: 'r-2' });
    expect(error.message).toContain('502 Bad Gateway');
  });
});
