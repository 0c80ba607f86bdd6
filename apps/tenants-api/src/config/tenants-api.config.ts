import { loadConfig } from '@bbws/shared-config';
import { platformEnvSchema, type PlatformConfig } from '@bbws/platform-bootstrap';

export type TenantsApiConfig = PlatformConfig;

export const TENANTS_API_PORT = 3001;

export function loadTenantsApiConfig(env: NodeJS.ProcessEnv = process.env): TenantsApiConfig {
  return loadConfig(platformEnvSchema('tenants-api', TENANTS_API_PORT), env);
}
