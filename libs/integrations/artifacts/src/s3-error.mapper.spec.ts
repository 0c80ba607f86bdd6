import { NotFoundError, UpstreamError, ValidationError } from '@bbws/shared-errors';
import { ArtifactAccessDeniedError, ArtifactNotFoundError, ArtifactStoreError } from './artifact.errors';
import { mapS3Error } from './s3-error.mapper';

const s3Failure = (name: string, status?: number, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status }, ...extra });

describe('mapS3Error', () => {
  it.each(['NoSuchKey', 'NotFound'])('maps %s of a key to ArtifactNotFoundError (404)', (name) => {
    const error = mapS3Error(s3Failure(name, 404), 'GetObject', 'backups/x');

    expect(error).toBeInstanceOf(ArtifactNotFoundError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'ARTIFACT_NOT_FOUND', key: 'backups/x' });
  });

  it('treats a missing bucket as a store failure, not a missing artifact', () => {
    const error = mapS3Error(s3Failure('NoSuchBucket', 404), 'GetObject', 'backups/x');

    expect(error).toBeInstanceOf(ArtifactStoreError);
    expect(error).toMatchObject({ status: 502, retryable: false, details: { s3Code: 'NoSuchBucket' } });
  });

  it.each([
    ['AccessDenied', 403],
    ['InvalidAccessKeyId', 403],
    ['SignatureDoesNotMatch', 403],
    ['Forbidden', 403],
  ])('maps %s to ArtifactAccessDeniedError, not retryable', (name, status) => {
    const error = mapS3Error(s3Failure(name, status), 'PutObject', 'k');

    expect(error).toBeInstanceOf(ArtifactAccessDeniedError);
    expect(error).toBeInstanceOf(UpstreamError);
    expect(error).toMatchObject({
      code: 'ARTIFACT_ACCESS_DENIED',
      retryable: false,
      details: { operation: 'PutObject', s3Code: name, key: 'k', upstreamStatus: 403 },
    });
  });

  it.each([
    ['InternalError', 500, {}],
    ['SlowDown', 503, {}],
    ['RequestTimeout', 400, {}],
    ['Whatever', 400, { $retryable: { throttling: true } }],
    ['Error', undefined, { code: 'ECONNREFUSED' }],
    ['TimeoutError', undefined, {}],
  ])('maps %s (%s) to a retryable ArtifactStoreError', (name, status, extra) => {
    const error = mapS3Error(s3Failure(name, status, extra), 'ListObjectsV2');

    expect(error).toBeInstanceOf(ArtifactStoreError);
    expect(error).toMatchObject({ code: 'ARTIFACT_STORE_FAILED', status: 502, retryable: true });
  });

  it('maps other client errors to a store failure that is not retried', () => {
    const error = mapS3Error(s3Failure('InvalidArgument', 400), 'ListObjectsV2');

    expect(error).toMatchObject({ code: 'ARTIFACT_STORE_FAILED', retryable: false, upstreamStatus: 400 });
    expect(error.message).toBe('The artifact store failed ListObjectsV2 (InvalidArgument)');
  });

  it('passes our own errors through unchanged', () => {
    const own = ValidationError.field('pageSize', 'too big');

    expect(mapS3Error(own, 'ListObjectsV2')).toBe(own);
  });
});
