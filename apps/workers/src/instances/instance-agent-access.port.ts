import type { Instance } from '@bbws/data-access-instances';

/** How to reach one instance's platform agent (the WordPress client's connection, minus the tenant). */
export interface InstanceAgent {
  /** Where requests go (the ALB / front door, or a worker). */
  baseUrl: string;
  /** The network's main host, sent as `Host`. */
  hostHeader: string;
  /** Keys the HMAC of every agent request. */
  agentSecret: string;
}

export type InstanceAgentTarget = Pick<Instance, 'environment' | 'slug' | 'resources'>;

/**
 * The agent of an instance, for the workers that call it (deprovision's archive). In AWS the secret is
 * the instance's Secrets Manager secret; locally the local runtime's secrets file.
 */
export interface InstanceAgentAccess {
  agentOf(instance: InstanceAgentTarget): Promise<InstanceAgent>;
}
