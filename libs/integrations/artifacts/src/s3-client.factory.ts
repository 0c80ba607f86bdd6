import { S3Client } from '@aws-sdk/client-s3';

export interface S3ArtifactStoreSettings {
  bucket: string;
  region: string;
  /** Another S3-compatible endpoint (locally the S3 server of the data plane). */
  endpoint?: string;
  /** `bucket` in the path instead of the host name; needed for a local endpoint. */
  forcePathStyle?: boolean;
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Where streamed uploads are spooled while hashed (default: the OS temp directory). */
  spoolDirectory?: string;
  /** Keys per DeleteObjects call of `deletePrefix`, 1-1000 (S3's maximum, the default). */
  deleteBatchSize?: number;
}

export function createS3Client(settings: S3ArtifactStoreSettings): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
    forcePathStyle: settings.forcePathStyle ?? false,
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    // SDKs since early 2025 add a CRC32 checksum to every upload and, for streams, switch to
    // aws-chunked encoding with a trailing checksum; S3-compatible servers without it (the local
    // one) would store the chunk framing as the object's bytes, and presigned URLs would demand
    // checksum parameters a browser cannot send. We compute and store our own SHA-256, so checksums
    // are sent only where S3 requires one (DeleteObjects) and responses are not validated either.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
