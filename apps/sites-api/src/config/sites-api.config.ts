import {
  LOCAL_PORTS,
  loadConfig,
  loadHostingEnvironments,
  stageVar,
  z,
  type HostingEnvironments,
} from '@bbws/shared-config';
import { platformEnvSchema, type PlatformConfig } from '@bbws/platform-bootstrap';

/** What the sites feature needs beyond the platform: the hosting environments (domain suffix, site URL form). */
export interface SitesConfig {
  environments: HostingEnvironments;
}

/**
 * `sites` is optional only because the shared `runApi` entry loads the platform part alone;
 * {@link resolveSitesConfig} validates it from the environment at boot when it is missing.
 */
export type SitesApiConfig = PlatformConfig & { sites?: SitesConfig };

export const SITES_API_PORT = LOCAL_PORTS['sites-api'];

const stageSchema = z.object({ BBWS_STAGE: stageVar });

/** Hosting environments: `HOSTING_ENVIRONMENTS` (see libs/shared/config/src/hosting-environments.ts). */
export function loadSitesConfig(env: NodeJS.ProcessEnv = process.env): SitesConfig {
  const { BBWS_STAGE: stage } = loadConfig(stageSchema, env);
  return { environments: loadHostingEnvironments(env, stage) };
}

export function loadSitesApiConfig(
  env: NodeJS.ProcessEnv = process.env,
): SitesApiConfig & { sites: SitesConfig } {
  return {
    ...loadConfig(platformEnvSchema('sites-api', SITES_API_PORT), env),
    sites: loadSitesConfig(env),
  };
}

/** The sites settings the app was registered with, or else validated from the environment now (at boot). */
export function resolveSitesConfig(
  config: SitesApiConfig,
  env: NodeJS.ProcessEnv = process.env,
): SitesConfig {
  return config.sites ?? loadSitesConfig(env);
}
