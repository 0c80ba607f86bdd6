import { NotFoundException } from '@nestjs/common';
import { ConflictError, RateLimitedError, UpstreamError, ValidationError } from '@bbws/shared-errors';
import { mapError } from './error-envelope';

const now = new Date('2026-01-02T03:04:05.000Z');

describe('mapError', () => {
  it('maps our errors to their status, code, message and details', () => {
    const mapped = mapError(new ConflictError('SUBDOMAIN_TAKEN', 'taken', { subdomain: 'x' }), 'req-1', now);
    expect(mapped).toEqual({
      status: 409,
      headers: {},
      unexpected: false,
      body: {
        error: { code: 'SUBDOMAIN_TAKEN', message: 'taken', details: { subdomain: 'x' } },
        requestId: 'req-1',
        timestamp: now.toISOString(),
      },
    });
  });

  it('adds Retry-After to rate-limit errors', () => {
    expect(mapError(new RateLimitedError(42), 'r', now).headers).toEqual({ 'Retry-After': '42' });
  });

  it('keeps upstream errors as 502 and marks them for logging', () => {
    const mapped = mapError(
      new UpstreamError('WordPress answered 500', { retryable: true, upstreamStatus: 500 }),
      'r',
      now,
    );
    expect(mapped.status).toBe(502);
    expect(mapped.unexpected).toBe(true);
  });

  it('turns Fastify body errors into 400 VALIDATION_ERROR', () => {
    for (const code of [
      'FST_ERR_CTP_INVALID_JSON_BODY',
      'FST_ERR_CTP_BODY_TOO_LARGE',
      'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    ]) {
      const mapped = mapError(Object.assign(new Error('x'), { code, statusCode: 415 }), 'r', now);
      expect(mapped.status).toBe(400);
      expect(mapped.body.error.code).toBe('VALIDATION_ERROR');
    }
  });

  it('answers unknown routes with ROUTE_NOT_FOUND', () => {
    expect(mapError(new NotFoundException(), 'r', now).body.error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('never leaks the message or stack of an unexpected error', () => {
    const mapped = mapError(new Error('password=hunter2 at db.ts:12'), 'r', now);
    expect(mapped.status).toBe(500);
    expect(JSON.stringify(mapped.body)).not.toContain('hunter2');
    expect(mapped.body.error).toEqual({ code: 'INTERNAL_ERROR', message: 'An unexpected error occurred' });
    expect(mapped.unexpected).toBe(true);
  });

  it('keeps field details of validation errors', () => {
    const mapped = mapError(ValidationError.field('name', 'is too short'), 'r', now);
    expect(mapped.body.error.details).toEqual({ fields: [{ field: 'name', messages: ['is too short'] }] });
  });
});
