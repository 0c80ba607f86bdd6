export type {
  ArtifactDownload,
  ArtifactHead,
  ArtifactPage,
  ArtifactStore,
  ArtifactSummary,
  ListArtifactsOptions,
  PresignGetOptions,
  PresignPutOptions,
  PresignedDownload,
  PresignedUpload,
  PutArtifactOptions,
  StoredArtifact,
} from './artifact-store.port';
export {
  ArtifactAccessDeniedError,
  ArtifactNotFoundError,
  ArtifactStoreError,
  InvalidArtifactKeyError,
} from './artifact.errors';
export { assertArtifactKey, assertArtifactPrefix, assertDeletablePrefix } from './artifact-key';
export {
  ARTIFACTS_BUCKET_BASE_NAME,
  ARTIFACT_PREFIXES,
  DEFAULT_ARTIFACT_RETENTION,
  artifactsBucketName,
  type ArtifactRetentionRule,
} from './artifacts-bucket';
export { sha256Hex, spoolAndHash, type HashedSpool } from './hashed-spool';
export { S3ArtifactStore } from './s3-artifact-store.adapter';
export { createS3Client, type S3ArtifactStoreSettings } from './s3-client.factory';
export { DEFAULT_PRESIGN_SECONDS, MAX_PRESIGN_SECONDS } from './s3-presign';
export {
  ARTIFACT_STORE,
  artifactStoreEnvSchema,
  artifactStoreSettings,
  loadArtifactStoreSettings,
  type ArtifactStoreEnv,
} from './artifact-store.config';
