import { Readable } from 'node:stream';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { ValidationError } from '@bbws/shared-errors';
import { assertArtifactKey, assertArtifactPrefix, assertDeletablePrefix } from './artifact-key';
import type {
  ArtifactDownload,
  ArtifactHead,
  ArtifactPage,
  ArtifactStore,
  ListArtifactsOptions,
  PresignGetOptions,
  PresignPutOptions,
  PresignedDownload,
  PresignedUpload,
  PutArtifactOptions,
  StoredArtifact,
} from './artifact-store.port';
import { ArtifactStoreError } from './artifact.errors';
import { sha256Hex, spoolAndHash } from './hashed-spool';
import { decodeListToken, encodeListToken } from './list-token';
import { createS3Client, type S3ArtifactStoreSettings } from './s3-client.factory';
import { mapS3Error } from './s3-error.mapper';
import { presignDownload, presignUpload } from './s3-presign';

const SHA256_METADATA = 'sha256';
const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
const DEFAULT_PAGE_SIZE = 100;
/** S3's own limit for one ListObjectsV2 page and one DeleteObjects batch. */
const MAX_BATCH = 1000;
const METADATA_NAME = /^[a-z0-9][a-z0-9-]{0,62}$/;

/** The artifact store on Amazon S3 (or an S3-compatible server through `endpoint` + path style). */
export class S3ArtifactStore implements ArtifactStore {
  readonly bucket: string;
  private readonly deleteBatchSize: number;

  constructor(
    private readonly settings: S3ArtifactStoreSettings,
    readonly client: S3Client = createS3Client(settings),
  ) {
    this.bucket = settings.bucket;
    this.deleteBatchSize = settings.deleteBatchSize ?? MAX_BATCH;
    if (
      !Number.isInteger(this.deleteBatchSize) ||
      this.deleteBatchSize < 1 ||
      this.deleteBatchSize > MAX_BATCH
    )
      throw new RangeError(`deleteBatchSize must be a whole number from 1 to ${MAX_BATCH}`);
  }

  async put(key: string, body: Buffer | Readable, options: PutArtifactOptions = {}): Promise<StoredArtifact> {
    assertArtifactKey(key);
    const metadata = userMetadata(options.metadata);
    const contentType = options.contentType ?? DEFAULT_CONTENT_TYPE;
    if (Buffer.isBuffer(body)) {
      const sha256 = sha256Hex(body);
      await this.putObject(key, body, body.length, contentType, { ...metadata, [SHA256_METADATA]: sha256 });
      return { key, size: body.length, sha256 };
    }
    const spool = await spoolAndHash(body, this.settings.spoolDirectory);
    try {
      const { sha256, size } = spool;
      await this.putObject(key, spool.open(), size, contentType, { ...metadata, [SHA256_METADATA]: sha256 });
      return { key, size, sha256 };
    } finally {
      await spool.dispose();
    }
  }

  async get(key: string): Promise<ArtifactDownload> {
    assertArtifactKey(key);
    try {
      const output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      if (!(output.Body instanceof Readable))
        throw new ArtifactStoreError('The artifact store answered GetObject without a body stream', {
          retryable: false,
        });
      return { ...describe(key, output), body: output.Body };
    } catch (error) {
      throw mapS3Error(error, 'GetObject', key);
    }
  }

  async head(key: string): Promise<ArtifactHead | undefined> {
    assertArtifactKey(key);
    try {
      const output = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      return describe(key, output);
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 404 && (error as { name?: string }).name !== 'NoSuchBucket') return undefined;
      throw mapS3Error(error, 'HeadObject', key);
    }
  }

  async delete(key: string): Promise<void> {
    assertArtifactKey(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
    } catch (error) {
      throw mapS3Error(error, 'DeleteObject', key);
    }
  }

  async deletePrefix(prefix: string): Promise<number> {
    assertDeletablePrefix(prefix);
    let deleted = 0;
    for (;;) {
      // Always the first page: what was listed before is gone by the next round.
      const page = await this.listPage(prefix, this.deleteBatchSize);
      if (page.keys.length === 0) return deleted;
      try {
        const output = await this.client.send(
          new DeleteObjectsCommand({
            Bucket: this.bucket,
            Delete: { Objects: page.keys.map((key) => ({ Key: key })), Quiet: true },
          }),
        );
        const failures = output.Errors ?? [];
        if (failures.length > 0)
          throw new ArtifactStoreError(`The artifact store kept ${failures.length} objects under ${prefix}`, {
            retryable: true,
            details: {
              operation: 'DeleteObjects',
              failures: failures.slice(0, 5).map((f) => `${f.Key}: ${f.Code}`),
            },
          });
      } catch (error) {
        throw mapS3Error(error, 'DeleteObjects');
      }
      deleted += page.keys.length;
      if (!page.truncated) return deleted;
    }
  }

  async list(prefix: string, options: ListArtifactsOptions = {}): Promise<ArtifactPage> {
    assertArtifactPrefix(prefix);
    const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_BATCH)
      throw ValidationError.field('pageSize', `must be a whole number from 1 to ${MAX_BATCH}`);
    const s3Token =
      options.continuationToken === undefined
        ? undefined
        : decodeListToken(options.continuationToken, prefix);
    const page = await this.listPage(prefix, pageSize, s3Token);
    return {
      items: page.items,
      ...(page.truncated && page.nextToken ? { nextToken: encodeListToken(prefix, page.nextToken) } : {}),
    };
  }

  async copy(sourceKey: string, targetKey: string): Promise<void> {
    assertArtifactKey(sourceKey, 'sourceKey');
    assertArtifactKey(targetKey, 'targetKey');
    try {
      await this.client.send(
        new CopyObjectCommand({
          Bucket: this.bucket,
          Key: targetKey,
          CopySource: `${this.bucket}/${sourceKey.split('/').map(encodeURIComponent).join('/')}`,
          MetadataDirective: 'COPY',
        }),
      );
    } catch (error) {
      throw mapS3Error(error, 'CopyObject', sourceKey);
    }
  }

  async presignGet(key: string, options: PresignGetOptions = {}): Promise<PresignedDownload> {
    assertArtifactKey(key);
    return presignDownload(this.client, this.bucket, key, options);
  }

  async presignPut(key: string, options: PresignPutOptions): Promise<PresignedUpload> {
    assertArtifactKey(key);
    return presignUpload(this.client, this.bucket, key, options);
  }

  /** Closes the client's sockets. */
  destroy(): void {
    this.client.destroy();
  }

  private async putObject(
    key: string,
    body: Buffer | Readable,
    size: number,
    contentType: string,
    metadata: Record<string, string>,
  ): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentLength: size,
          ContentType: contentType,
          Metadata: metadata,
        }),
      );
    } catch (error) {
      throw mapS3Error(error, 'PutObject', key);
    }
  }

  private async listPage(prefix: string, maxKeys: number, continuationToken?: string) {
    try {
      const output = await this.client.send(
        new ListObjectsV2Command({
          Bucket: this.bucket,
          Prefix: prefix,
          MaxKeys: maxKeys,
          ...(continuationToken === undefined ? {} : { ContinuationToken: continuationToken }),
        }),
      );
      const items = (output.Contents ?? []).flatMap((object) =>
        object.Key === undefined
          ? []
          : [
              {
                key: object.Key,
                size: object.Size ?? 0,
                lastModified: object.LastModified,
                etag: object.ETag,
              },
            ],
      );
      return {
        items,
        keys: items.map((item) => item.key),
        truncated: Boolean(output.IsTruncated),
        nextToken: output.NextContinuationToken,
      };
    } catch (error) {
      throw mapS3Error(error, 'ListObjectsV2');
    }
  }
}

function userMetadata(metadata: Record<string, string> = {}): Record<string, string> {
  for (const name of Object.keys(metadata)) {
    if (name === SHA256_METADATA)
      throw ValidationError.field(`metadata.${name}`, 'is reserved for the checksum the store computes');
    if (!METADATA_NAME.test(name))
      throw ValidationError.field(`metadata.${name}`, 'names are lower-case letters, digits and "-"');
  }
  return metadata;
}

function describe(
  key: string,
  output: {
    ContentLength?: number;
    ContentType?: string;
    Metadata?: Record<string, string>;
    LastModified?: Date;
    ETag?: string;
  },
): ArtifactHead {
  const { [SHA256_METADATA]: sha256, ...metadata } = output.Metadata ?? {};
  return {
    key,
    size: output.ContentLength ?? 0,
    ...(sha256 ? { sha256 } : {}),
    ...(output.ContentType ? { contentType: output.ContentType } : {}),
    metadata,
    ...(output.LastModified ? { lastModified: output.LastModified } : {}),
    ...(output.ETag ? { etag: output.ETag } : {}),
  };
}
