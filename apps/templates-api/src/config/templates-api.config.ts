import { LOCAL_PORTS, loadConfig } from '@bbws/shared-config';
import { platformEnvSchema, type PlatformConfig } from '@bbws/platform-bootstrap';
import { loadArtifactStoreSettings, type S3ArtifactStoreSettings } from '@bbws/integrations-artifacts';

export const TEMPLATES_API_PORT = LOCAL_PORTS['templates-api'];

/** The platform's settings plus where theme packages and screenshots are kept (ARTIFACTS_BUCKET / S3_ENDPOINT). */
export type TemplatesApiConfig = PlatformConfig & { artifacts: S3ArtifactStoreSettings };

export function loadTemplatesApiConfig(env: NodeJS.ProcessEnv = process.env): TemplatesApiConfig {
  const platform = loadConfig(platformEnvSchema('templates-api', TEMPLATES_API_PORT), env);
  return { ...platform, artifacts: loadArtifactStoreSettings(platform, env) };
}
