import { ValidationError } from '@bbws/shared-errors';

interface ListPosition {
  /** The prefix the listing was for. */
  p: string;
  /** S3's continuation token. */
  c: string;
}

/** The opaque continuation token of `list`: S3's own, bound to the prefix it continues. */
export function encodeListToken(prefix: string, s3Token: string): string {
  const position: ListPosition = { p: prefix, c: s3Token };
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

/** S3's continuation token; a `ValidationError` for a token that is not one of ours for this prefix. */
export function decodeListToken(token: string, prefix: string): string {
  let position: Partial<ListPosition> | undefined;
  try {
    position = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<ListPosition>;
  } catch {
    position = undefined;
  }
  if (!position || typeof position.c !== 'string' || !position.c || position.p !== prefix) {
    throw new ValidationError(
      'continuationToken is not a token of this listing',
      [{ field: 'continuationToken', messages: ['not a token of this listing'] }],
      'INVALID_CONTINUATION_TOKEN',
    );
  }
  return position.c;
}
