import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { HostingEnvironments, Stage } from '@bbws/shared-config';
import type { InstanceAgentAccess } from './instance-agent-access.port';
import { LocalInstanceAgentAccess } from './local-instance-agent.access';
import { SecretsManagerInstanceAgentAccess } from './secrets-manager-instance-agent.access';

export interface InstanceAgentAccessSettings {
  stage: Stage;
  region: string;
  /** The local runtime's data directory (local stages). */
  dataDir: string;
  environments: HostingEnvironments;
}

/** The local secrets file on `local` and `test`; each instance's Secrets Manager secret elsewhere. */
export function createInstanceAgentAccess(settings: InstanceAgentAccessSettings): InstanceAgentAccess {
  if (settings.stage === 'local' || settings.stage === 'test')
    return new LocalInstanceAgentAccess(settings.dataDir, settings.environments);
  return new SecretsManagerInstanceAgentAccess(
    new SecretsManagerClient({ region: settings.region }),
    settings.environments,
  );
}
