import type { WordPressConnection } from '@bbws/integrations-wordpress-client';
import type { InstanceAgentAccess, InstanceAgentTarget } from './instance-agent-access.port';

/** The WordPress client's connection to an instance's network, through its platform agent. */
export async function connectionOf(
  access: InstanceAgentAccess,
  instance: InstanceAgentTarget & { tenantId: string },
): Promise<WordPressConnection> {
  const agent = await access.agentOf(instance);
  return {
    baseUrl: agent.baseUrl,
    hostHeader: agent.hostHeader,
    tenantId: instance.tenantId,
    credentials: { agentSecret: agent.agentSecret },
  };
}
