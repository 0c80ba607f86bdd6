import type { Instance, InstanceDao } from '@bbws/data-access-instances';
import type { ResourceLockReader } from '@bbws/data-access-operations';
import type { ComputePort, ServiceSnapshot } from '@bbws/integrations-compute';
import type { Caller, TenantAccessService } from '@bbws/platform-auth';
import { NotFoundError } from '@bbws/shared-errors';
import type { Clock } from '@bbws/shared-util';
import { instanceNotFound } from './instance-errors';
import type { InstanceView } from './instances.presenter';

export interface LiveStatus {
  instance: Instance;
  snapshot: ServiceSnapshot;
  observedAt: string;
}

/** Reads of a tenant's instances (members), with the operation running on each and the live runtime. */
export class InstancesService {
  constructor(
    private readonly instances: Pick<InstanceDao, 'listByTenant' | 'getInTenant'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly locks: Pick<ResourceLockReader, 'find'>,
    private readonly compute: Pick<ComputePort, 'describeService'>,
    private readonly clock: Clock,
  ) {}

  async list(caller: Caller, tenantId: string): Promise<InstanceView[]> {
    const access = await this.access.require(caller, tenantId);
    const instances = await this.instances.listByTenant(tenantId);
    return Promise.all(
      instances.map(async (instance) => ({
        instance,
        access,
        activeOperationId: await this.activeOperationId(instance),
      })),
    );
  }

  async get(caller: Caller, tenantId: string, instanceId: string): Promise<InstanceView> {
    const access = await this.access.require(caller, tenantId);
    const instance = await this.load(tenantId, instanceId);
    return { instance, access, activeOperationId: await this.activeOperationId(instance) };
  }

  /** The instance's ECS service as ECS describes it now (desired / running / pending, deployments, last event). */
  async liveStatus(caller: Caller, tenantId: string, instanceId: string): Promise<LiveStatus> {
    await this.access.require(caller, tenantId);
    const instance = await this.load(tenantId, instanceId);
    const { environment, resources } = instance;
    const snapshot = await this.compute
      .describeService({ environment, cluster: resources.cluster, serviceName: resources.serviceName })
      .catch((error: unknown) => {
        // No cluster (an environment not built yet) means no service either: not deployed, not a 404 of ours.
        if (error instanceof NotFoundError) return missingService(resources.serviceName);
        throw error;
      });
    return { instance, snapshot, observedAt: this.clock.now().toISOString() };
  }

  private async load(tenantId: string, instanceId: string): Promise<Instance> {
    const instance = await this.instances.getInTenant(tenantId, instanceId);
    if (!instance) throw instanceNotFound(instanceId);
    return instance;
  }

  private async activeOperationId(instance: Instance): Promise<string | null> {
    return (await this.locks.find(instance.instanceId))?.operationId ?? null;
  }
}

function missingService(serviceName: string): ServiceSnapshot {
  return {
    serviceName,
    status: 'MISSING',
    desiredCount: 0,
    runningCount: 0,
    pendingCount: 0,
    deployments: [],
    steady: false,
  };
}
