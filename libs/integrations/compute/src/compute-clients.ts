import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import type { HostingEnvironment } from '@bbws/shared-contracts';
import { InternalError } from '@bbws/shared-errors';
import type { ComputeConfig, ComputeEnvironmentConfig } from './compute.config';

export interface ComputeClients {
  ecs: ECSClient;
  elbv2: ElasticLoadBalancingV2Client;
}

/** One ECS + ELBv2 client pair per configured hosting environment, created on first use. */
export class ComputeClientPool {
  private readonly clients = new Map<HostingEnvironment, ComputeClients>();

  constructor(private readonly config: ComputeConfig) {}

  for(environment: HostingEnvironment): ComputeClients {
    const existing = this.clients.get(environment);
    if (existing) return existing;
    const settings = this.config[environment];
    if (!settings) throw new InternalError(`No compute configuration for hosting environment ${environment}`);
    const created = createClients(settings);
    this.clients.set(environment, created);
    return created;
  }

  destroy(): void {
    for (const { ecs, elbv2 } of this.clients.values()) {
      ecs.destroy();
      elbv2.destroy();
    }
    this.clients.clear();
  }
}

function createClients(settings: ComputeEnvironmentConfig): ComputeClients {
  const common = {
    region: settings.region,
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    ...(settings.maxAttempts ? { maxAttempts: settings.maxAttempts } : {}),
  };
  return {
    ecs: new ECSClient({ ...common, ...(settings.ecsEndpoint ? { endpoint: settings.ecsEndpoint } : {}) }),
    elbv2: new ElasticLoadBalancingV2Client({
      ...common,
      ...(settings.elbv2Endpoint ? { endpoint: settings.elbv2Endpoint } : {}),
    }),
  };
}
