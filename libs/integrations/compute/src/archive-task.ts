/**
 * The `bbws-archive` one-off task of the WordPress image (docker/wordpress/bbws-archive): it dumps the
 * instance database (gzip) and tars wp-content (gzip), then PUTs each to its presigned URL with
 * `Content-Type: application/gzip` (part of the signature).
 */
export const ARCHIVE_TASK = {
  command: 'bbws-archive',
  databaseUrlVariable: 'DATABASE_UPLOAD_URL',
  contentUrlVariable: 'CONTENT_UPLOAD_URL',
  contentType: 'application/gzip',
} as const;
