import type { Readable } from 'node:stream';

/** Everything `put` needs besides the key and the bytes. */
export interface PutArtifactOptions {
  /** Defaults to `application/octet-stream`. */
  contentType?: string;
  /** User metadata (lower-case names); `sha256` is reserved for the checksum the store computes. */
  metadata?: Record<string, string>;
}

export interface StoredArtifact {
  key: string;
  size: number;
  /** Hex SHA-256 of the bytes, also stored as the object's `sha256` metadata. */
  sha256: string;
}

export interface ArtifactHead {
  key: string;
  size: number;
  /** Undefined for objects written without it (e.g. through a presigned PUT without `sha256`). */
  sha256?: string;
  contentType?: string;
  /** User metadata without `sha256`. */
  metadata: Record<string, string>;
  lastModified?: Date;
  etag?: string;
}

export interface ArtifactDownload extends ArtifactHead {
  body: Readable;
}

export interface ArtifactSummary {
  key: string;
  size: number;
  lastModified?: Date;
  etag?: string;
}

export interface ListArtifactsOptions {
  /** Objects per page, 1-1000 (default 100). */
  pageSize?: number;
  /** `nextToken` of the previous page of the same prefix. */
  continuationToken?: string;
}

export interface ArtifactPage {
  items: ArtifactSummary[];
  /** Present while more objects follow. */
  nextToken?: string;
}

export interface PresignOptions {
  /** Seconds, 1 s-7 days; default 15 minutes. */
  expiresInSeconds?: number;
}

export interface PresignGetOptions extends PresignOptions {
  /** Sets `Content-Disposition: attachment; filename=...` on the download. */
  downloadName?: string;
}

export interface PresignPutOptions extends PresignOptions {
  /** The upload must be sent with exactly this `Content-Type` (it is part of the signature). */
  contentType: string;
  /** When given, the upload must carry it as `x-amz-meta-sha256` (signed as well). */
  sha256?: string;
}

export interface PresignedDownload {
  url: string;
  expiresAt: Date;
}

export interface PresignedUpload {
  url: string;
  method: 'PUT';
  /** Headers the uploader must send unchanged. */
  headers: Record<string, string>;
  expiresAt: Date;
}

/**
 * Where the platform keeps blobs: site backups, plugin and theme packages, instance archives.
 * Keys are validated before any request (`InvalidArtifactKeyError`); failures surface as
 * `ArtifactNotFoundError`, `ArtifactAccessDeniedError` or `ArtifactStoreError`.
 */
export interface ArtifactStore {
  put(key: string, body: Buffer | Readable, options?: PutArtifactOptions): Promise<StoredArtifact>;
  /** The object's bytes as a stream; `ArtifactNotFoundError` when missing. */
  get(key: string): Promise<ArtifactDownload>;
  /** Undefined when missing. */
  head(key: string): Promise<ArtifactHead | undefined>;
  /** Idempotent: deleting a missing key succeeds. */
  delete(key: string): Promise<void>;
  /** Deletes every object under `prefix` (which must end with `/`); returns how many were deleted. */
  deletePrefix(prefix: string): Promise<number>;
  list(prefix: string, options?: ListArtifactsOptions): Promise<ArtifactPage>;
  /** Copies bytes and metadata (including `sha256`); `ArtifactNotFoundError` when the source is missing. */
  copy(sourceKey: string, targetKey: string): Promise<void>;
  presignGet(key: string, options?: PresignGetOptions): Promise<PresignedDownload>;
  presignPut(key: string, options: PresignPutOptions): Promise<PresignedUpload>;
}
