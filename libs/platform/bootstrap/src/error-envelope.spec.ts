import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { NotFoundException } from '@nestjs/common';
import { createDynamoClient } from '@bbws/data-access-dynamo';
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

  it('answers 503 DEPENDENCY_UNAVAILABLE with Retry-After when DynamoDB cannot be reached', async () => {
    // Nothing listens on port 1: the SDK's own error after its retries, as a dead DynamoDB gives it.
    const client = createDynamoClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:1' });
    const error = await client
      .send(new GetItemCommand({ TableName: 't', Key: { PK: { S: 'x' } } }))
      .catch((caught: unknown) => caught);
    client.destroy();
    const mapped = mapError(error, 'r', now);
    expect(mapped.status).toBe(503);
    expect(mapped.headers).toEqual({ 'Retry-After': '1' });
    expect(mapped.body.error).toEqual({
      code: 'DEPENDENCY_UNAVAILABLE',
      message: 'A service the platform depends on is unavailable; try again shortly',
    });
  });

  it('keeps a conditional check failure that reached the filter a 500, not a 503', () => {
    const conditional = Object.assign(new Error('The conditional request failed'), {
      name: 'ConditionalCheckFailedException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
    });
    expect(mapError(conditional, 'r', now).status).toBe(500);
  });
});
