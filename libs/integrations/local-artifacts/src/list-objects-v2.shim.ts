import type S3rver from 's3rver';

const BUCKET_PATH = /^\/[^/]+\/?$/;

/**
 * ListObjectsV2 for s3rver, whose own continuation tokens are DES-encrypted, a cipher OpenSSL 3
 * (Node ≥ 17) no longer offers: every truncated V2 listing failed with a 500. The shim answers V2
 * through s3rver's V1 listing (`marker`), with a continuation token that is the last key returned
 * (base64url; opaque to clients as S3's are), and reshapes the result as V2 (KeyCount, tokens).
 */
export const listObjectsV2Shim: S3rver.Middleware = async (ctx, next) => {
  if (ctx.method !== 'GET' || ctx.query['list-type'] !== '2' || !BUCKET_PATH.test(ctx.path)) return next();
  const token = single(ctx.query['continuation-token']);
  const startAfter = single(ctx.query['start-after']);
  const marker = token === undefined ? startAfter : Buffer.from(token, 'base64url').toString('utf8');
  const query = { ...ctx.query };
  for (const name of ['list-type', 'continuation-token', 'start-after', 'fetch-owner']) delete query[name];
  ctx.query = marker ? { ...query, marker } : query;
  await next();
  const result = (ctx.body as { ListBucketResult?: Record<string, unknown> } | undefined)?.ListBucketResult;
  if (!result) return;
  const contents = (Array.isArray(result.Contents) ? result.Contents : []) as Array<{
    Key: string;
    Owner?: unknown;
  }>;
  for (const object of contents) delete object.Owner;
  const last = contents.at(-1)?.Key;
  delete result.Marker;
  delete result.NextMarker;
  Object.assign(result, {
    KeyCount: contents.length,
    ...(token === undefined ? { StartAfter: startAfter } : { ContinuationToken: token }),
    NextContinuationToken:
      result.IsTruncated && last !== undefined ? Buffer.from(last, 'utf8').toString('base64url') : undefined,
  });
};

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
