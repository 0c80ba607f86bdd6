import { loadConfig, optionalUrl, z } from '@bbws/shared-config';
import { token } from '@bbws/shared-util';
import type { ArtifactStore } from './artifact-store.port';
import { artifactsBucketName } from './artifacts-bucket';
import type { S3ArtifactStoreSettings } from './s3-client.factory';

/** The injection token of an app's artifact store. */
export const ARTIFACT_STORE = token<ArtifactStore>('ARTIFACT_STORE');

/** The variables an app that uses the artifact store adds to its config schema. */
export const artifactStoreEnvSchema = z.object({
  /** Default: `bbws-artifacts-{stage}`. */
  ARTIFACTS_BUCKET: z.string().min(3).optional(),
  /** Another S3-compatible endpoint (locally the data plane's S3 server); unset in the cloud. */
  S3_ENDPOINT: optionalUrl,
});

export type ArtifactStoreEnv = z.infer<typeof artifactStoreEnvSchema>;

/**
 * Path-style against a local endpoint; credentials from the default chain (AWS_ACCESS_KEY_ID /
 * AWS_SECRET_ACCESS_KEY locally, the task role in the cloud).
 */
export function artifactStoreSettings(
  env: ArtifactStoreEnv,
  platform: { stage: string; region: string },
): S3ArtifactStoreSettings {
  return {
    bucket: env.ARTIFACTS_BUCKET ?? artifactsBucketName(platform.stage),
    region: platform.region,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT, forcePathStyle: true } : {}),
  };
}

/** The settings from an app's environment (validated: a malformed S3_ENDPOINT fails the boot). */
export function loadArtifactStoreSettings(
  platform: { stage: string; region: string },
  env: NodeJS.ProcessEnv,
): S3ArtifactStoreSettings {
  return artifactStoreSettings(loadConfig(artifactStoreEnvSchema, env), platform);
}
