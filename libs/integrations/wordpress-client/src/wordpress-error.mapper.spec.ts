import { UpstreamError, UpstreamTimeoutError } from '@bbws/shared-errors';
import {
  errorFromResponse,
  errorFromTransport,
  isInstanceFailure,
  wordpressErrorCode,
} from './wordpress-error.mapper';

const call = { operation: 'installPlugin' };

describe('wordpress error mapping', () => {
  it('maps an agent 401 to a non-retryable error carrying the agent code', () => {
    const error = errorFromResponse(
      call,
      401,
      JSON.stringify({
        code: 'bbws_signature_invalid',
        message: 'The request signature does not match',
        data: { status: 401 },
      }),
    );

    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      code: 'WORDPRESS_SIGNATURE_INVALID',
      retryable: false,
      upstreamStatus: 401,
    });
    expect(error.message).toContain('The request signature does not match');
    expect(error.details).toEqual({
      operation: 'installPlugin',
      wordpressCode: 'bbws_signature_invalid',
      upstreamStatus: 401,
    });
  });

  it('keeps the agent error data (without its status) in the details', () => {
    const error = errorFromResponse(
      call,
      422,
      JSON.stringify({
        code: 'bbws_checksum_mismatch',
        message: 'no',
        data: { status: 422, expected: 'a', actual: 'b' },
      }),
    );

    expect(error.details).toMatchObject({ wordpress: { expected: 'a', actual: 'b' } });
    expect(error.retryable).toBe(false);
  });

  it.each([500, 502, 503, 504, 408, 429])('treats HTTP %i as retryable', (status) => {
    expect(errorFromResponse(call, status, '<html>oops</html>').retryable).toBe(true);
  });

  it.each([400, 403, 404, 409, 410, 422])('treats HTTP %i as not retryable', (status) => {
    expect(errorFromResponse(call, status, '').retryable).toBe(false);
  });

  it('names a non-JSON error body by its status', () => {
    expect(errorFromResponse(call, 502, 'Bad gateway').code).toBe('WORDPRESS_HTTP_502');
  });

  it('maps a refused connection to a retryable unreachable error', () => {
    const error = errorFromTransport(
      call,
      Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
      30_000,
    );

    expect(error).toMatchObject({ code: 'WORDPRESS_UNREACHABLE', retryable: true });
    expect(isInstanceFailure(error)).toBe(true);
  });

  it('maps a timeout to a retryable UpstreamTimeoutError', () => {
    const error = errorFromTransport(
      call,
      Object.assign(new Error('late'), { code: 'BBWS_TIMEOUT' }),
      30_000,
    );

    expect(error).toBeInstanceOf(UpstreamTimeoutError);
    expect(error.retryable).toBe(true);
    expect(error.message).toContain('30000 ms');
  });

  it('does not retry a request Node refused to send', () => {
    const error = errorFromTransport(
      call,
      Object.assign(new TypeError('bad header'), { code: 'ERR_INVALID_CHAR' }),
      1,
    );

    expect(error).toMatchObject({ code: 'WORDPRESS_REQUEST_INVALID', retryable: false });
  });

  it('normalises WordPress error codes', () => {
    expect(wordpressErrorCode('rest_plugin_not_found')).toBe('WORDPRESS_REST_PLUGIN_NOT_FOUND');
    expect(wordpressErrorCode('bbws_plugin_conflict')).toBe('WORDPRESS_PLUGIN_CONFLICT');
  });

  it('does not count 4xx answers as instance failures', () => {
    expect(isInstanceFailure(errorFromResponse(call, 404, ''))).toBe(false);
    expect(isInstanceFailure(new Error('programming error'))).toBe(false);
  });
});
