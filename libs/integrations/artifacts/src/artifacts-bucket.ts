/**
 * The artifacts bucket, one per stage: the control-plane template creates it from this definition,
 * the local platform and the test setup create it on the local S3 server under the same name.
 */
export const ARTIFACTS_BUCKET_BASE_NAME = 'bbws-artifacts';

export function artifactsBucketName(stage: string, baseName = ARTIFACTS_BUCKET_BASE_NAME): string {
  return `${baseName}-${stage}`;
}

/** Where each kind of artifact lives (keys start with these prefixes). */
export const ARTIFACT_PREFIXES = {
  backups: 'backups/',
  archives: 'archives/',
  packages: 'packages/',
  /** Presigned uploads waiting to be accepted into the catalogues (`packages/` is kept for good). */
  uploads: 'uploads/',
} as const;

export interface ArtifactRetentionRule {
  prefix: string;
  /** Current versions expire this many days after they were written. */
  expireAfterDays: number;
  /** Versions replaced or deleted are kept this many days (the bucket is versioned). */
  noncurrentExpireAfterDays: number;
}

/**
 * Default lifecycle: backups for 35 days, instance archives (deprovisioned instances) for a year,
 * uploads never accepted into a catalogue for a day.
 */
export const DEFAULT_ARTIFACT_RETENTION: readonly ArtifactRetentionRule[] = [
  { prefix: ARTIFACT_PREFIXES.backups, expireAfterDays: 35, noncurrentExpireAfterDays: 7 },
  { prefix: ARTIFACT_PREFIXES.archives, expireAfterDays: 365, noncurrentExpireAfterDays: 30 },
  { prefix: ARTIFACT_PREFIXES.uploads, expireAfterDays: 1, noncurrentExpireAfterDays: 1 },
];
