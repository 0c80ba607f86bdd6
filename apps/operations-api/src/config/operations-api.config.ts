import { LOCAL_PORTS, loadConfig } from '@bbws/shared-config';
import { platformEnvSchema, type PlatformConfig } from '@bbws/platform-bootstrap';

export type OperationsApiConfig = PlatformConfig;

export const OPERATIONS_API_PORT = LOCAL_PORTS['operations-api'];

export function loadOperationsApiConfig(env: NodeJS.ProcessEnv = process.env): OperationsApiConfig {
  return loadConfig(platformEnvSchema('operations-api', OPERATIONS_API_PORT), env);
}

/** Local and test stages may subscribe http and loopback webhook targets; cloud stages may not. */
export function allowsLocalWebhookTargets(config: PlatformConfig): boolean {
  return config.stage === 'local' || config.stage === 'test';
}
