import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { ValidationError } from '@bbws/shared-errors';
import type {
  PresignGetOptions,
  PresignOptions,
  PresignPutOptions,
  PresignedDownload,
  PresignedUpload,
} from './artifact-store.port';

export const DEFAULT_PRESIGN_SECONDS = 15 * 60;
/** SigV4 presigned URLs live at most 7 days. */
export const MAX_PRESIGN_SECONDS = 7 * 24 * 60 * 60;

export async function presignDownload(
  client: S3Client,
  bucket: string,
  key: string,
  options: PresignGetOptions,
): Promise<PresignedDownload> {
  const { signingDate, expiresIn, expiresAt } = validity(options);
  const command = new GetObjectCommand({
    Bucket: bucket,
    Key: key,
    ...(options.downloadName
      ? {
          ResponseContentDisposition: `attachment; filename*=UTF-8''${encodeURIComponent(options.downloadName)}`,
        }
      : {}),
  });
  const url = await getSignedUrl(client, command, { expiresIn, signingDate });
  return { url, expiresAt };
}

/**
 * A URL to PUT one object with. `content-type` is a signed header, so an upload with another
 * content type is refused; the optional `sha256` metadata is signed into the query string.
 */
export async function presignUpload(
  client: S3Client,
  bucket: string,
  key: string,
  options: PresignPutOptions,
): Promise<PresignedUpload> {
  if (!options.contentType?.trim())
    throw ValidationError.field('contentType', 'is required for a presigned upload');
  if (options.sha256 !== undefined && !/^[0-9a-f]{64}$/.test(options.sha256))
    throw ValidationError.field('sha256', 'must be 64 lower-case hex digits');
  const { signingDate, expiresIn, expiresAt } = validity(options);
  const command = new PutObjectCommand({
    Bucket: bucket,
    Key: key,
    ContentType: options.contentType,
    ...(options.sha256 ? { Metadata: { sha256: options.sha256 } } : {}),
  });
  const url = await getSignedUrl(client, command, {
    expiresIn,
    signingDate,
    signableHeaders: new Set(['content-type']),
  });
  return { url, method: 'PUT', headers: { 'content-type': options.contentType }, expiresAt };
}

function validity(options: PresignOptions): { signingDate: Date; expiresIn: number; expiresAt: Date } {
  const expiresIn = options.expiresInSeconds ?? DEFAULT_PRESIGN_SECONDS;
  if (!Number.isInteger(expiresIn) || expiresIn < 1 || expiresIn > MAX_PRESIGN_SECONDS)
    throw ValidationError.field(
      'expiresInSeconds',
      `must be a whole number from 1 to ${MAX_PRESIGN_SECONDS}`,
    );
  // X-Amz-Date has whole seconds: sign with a whole-second date so expiresAt is exact.
  const signingDate = new Date(Math.floor(Date.now() / 1000) * 1000);
  return { signingDate, expiresIn, expiresAt: new Date(signingDate.getTime() + expiresIn * 1000) };
}
