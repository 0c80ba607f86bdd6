/** A fetched resource (its `version`) or the answer that carried it (its `ETag`). */
export type VersionSource = { version: number } | { response: Response } | Response;

/**
 * The `If-Match` header for a write that must apply to the version you read, so a concurrent change
 * answers 412 (BbwsPreconditionFailedError) instead of being overwritten:
 * `bbws.tenants.PATCH(path, { params: { path, header: ifMatch(tenant) }, body })`.
 */
export function ifMatch(source: VersionSource): { 'If-Match': string } {
  const response = source instanceof Response ? source : 'response' in source ? source.response : undefined;
  const etag = response?.headers.get('etag');
  if (etag) return { 'If-Match': etag };
  if (!response && 'version' in source) return { 'If-Match': `"${source.version}"` };
  throw new TypeError('no ETag on the answer and no version on the resource');
}
