import {
  LOCAL_PORTS,
  loadConfig,
  loadHostingEnvironments,
  type HostingEnvironments,
} from '@bbws/shared-config';
import { loadArtifactStoreSettings, type S3ArtifactStoreSettings } from '@bbws/integrations-artifacts';
import { platformEnvSchema, type PlatformConfig } from '@bbws/platform-bootstrap';

/**
 * What the sites feature needs beyond the platform: the hosting environments (domain suffix, site URL
 * form) and the artifact store holding the backups (ARTIFACTS_BUCKET / S3_ENDPOINT).
 */
export interface SitesConfig {
  environments: HostingEnvironments;
  artifacts: S3ArtifactStoreSettings;
}

/**
 * `sites` is optional only because the shared `runApi` entry loads the platform part alone;
 * {@link resolveSitesConfig} validates it from the environment at boot when it is missing.
 */
export type SitesApiConfig = PlatformConfig & { sites?: SitesConfig };

export const SITES_API_PORT = LOCAL_PORTS['sites-api'];

/**
 * Hosting environments: `HOSTING_ENVIRONMENTS` (see libs/shared/config/src/hosting-environments.ts); the
 * artifact store's bucket and endpoint for the platform's stage and region.
 */
export function loadSitesConfig(
  platform: Pick<PlatformConfig, 'stage' | 'region'>,
  env: NodeJS.ProcessEnv = process.env,
): SitesConfig {
  return {
    environments: loadHostingEnvironments(env, platform.stage),
    artifacts: loadArtifactStoreSettings(platform, env),
  };
}

export function loadSitesApiConfig(
  env: NodeJS.ProcessEnv = process.env,
): SitesApiConfig & { sites: SitesConfig } {
  const platform = loadConfig(platformEnvSchema('sites-api', SITES_API_PORT), env);
  return { ...platform, sites: loadSitesConfig(platform, env) };
}

/** The sites settings the app was registered with, or else validated from the environment now (at boot). */
export function resolveSitesConfig(
  config: SitesApiConfig,
  env: NodeJS.ProcessEnv = process.env,
): SitesConfig {
  return config.sites ?? loadSitesConfig(config, env);
}
