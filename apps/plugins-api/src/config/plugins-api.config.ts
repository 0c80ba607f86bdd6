import { LOCAL_PORTS, loadConfig } from '@bbws/shared-config';
import { platformEnvSchema, type PlatformConfig } from '@bbws/platform-bootstrap';
import { loadArtifactStoreSettings, type S3ArtifactStoreSettings } from '@bbws/integrations-artifacts';

export const PLUGINS_API_PORT = LOCAL_PORTS['plugins-api'];

/** The platform's settings plus where plugin packages and uploads are kept (ARTIFACTS_BUCKET / S3_ENDPOINT). */
export type PluginsApiConfig = PlatformConfig & { artifacts: S3ArtifactStoreSettings };

export function loadPluginsApiConfig(env: NodeJS.ProcessEnv = process.env): PluginsApiConfig {
  const platform = loadConfig(platformEnvSchema('plugins-api', PLUGINS_API_PORT), env);
  return { ...platform, artifacts: loadArtifactStoreSettings(platform, env) };
}
