import { LOCAL_PORTS, loadConfig } from '@bbws/shared-config';
import { platformEnvSchema, type PlatformConfig } from '@bbws/platform-bootstrap';
import {
  artifactStoreEnvSchema,
  artifactStoreSettings,
  type S3ArtifactStoreSettings,
} from '@bbws/integrations-artifacts';

export const PLUGINS_API_PORT = LOCAL_PORTS['plugins-api'];

/**
 * `artifacts` is optional only because the shared `runApi` entry loads the platform part alone;
 * {@link resolveArtifactSettings} validates it from the environment at boot when it is missing.
 */
export type PluginsApiConfig = PlatformConfig & { artifacts?: S3ArtifactStoreSettings };

/** Where plugin packages and uploads are kept: ARTIFACTS_BUCKET / S3_ENDPOINT (artifactStoreEnvSchema). */
export function loadArtifactSettings(
  platform: Pick<PlatformConfig, 'stage' | 'region'>,
  env: NodeJS.ProcessEnv = process.env,
): S3ArtifactStoreSettings {
  return artifactStoreSettings(loadConfig(artifactStoreEnvSchema, env), platform);
}

export function loadPluginsApiConfig(
  env: NodeJS.ProcessEnv = process.env,
): PluginsApiConfig & { artifacts: S3ArtifactStoreSettings } {
  const platform = loadConfig(platformEnvSchema('plugins-api', PLUGINS_API_PORT), env);
  return { ...platform, artifacts: loadArtifactSettings(platform, env) };
}

export function resolveArtifactSettings(
  config: PluginsApiConfig,
  env: NodeJS.ProcessEnv = process.env,
): S3ArtifactStoreSettings {
  return config.artifacts ?? loadArtifactSettings(config, env);
}
