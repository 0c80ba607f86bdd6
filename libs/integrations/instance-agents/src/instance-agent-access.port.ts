import type { HostingEnvironment } from '@bbws/shared-contracts';
import { token } from '@bbws/shared-util';

/** How to reach one instance's platform agent (the WordPress client's connection, minus the tenant). */
export interface InstanceAgent {
  /** Where requests go (the ALB / front door, or a worker). */
  baseUrl: string;
  /** The network's main host, sent as `Host`. */
  hostHeader: string;
  /** Keys the HMAC of every agent request. */
  agentSecret: string;
}

/** What locating an instance's agent needs (a structural slice of the instance). */
export interface InstanceAgentTarget {
  environment: HostingEnvironment;
  slug: string;
  /** `secretName`: the instance's Secrets Manager secret (cloud stages). */
  resources: { host: string; secretName?: string };
}

/**
 * The agent of an instance, for the workers and APIs that call it (sites, deprovision's archive). In AWS the secret is
 * the instance's Secrets Manager secret; locally the local runtime's secrets file.
 */
export interface InstanceAgentAccess {
  agentOf(instance: InstanceAgentTarget): Promise<InstanceAgent>;
}

/** The provider token of the app's {@link InstanceAgentAccess} (local secrets file, or Secrets Manager). */
export const INSTANCE_AGENT_ACCESS = token<InstanceAgentAccess>('INSTANCE_AGENT_ACCESS');
