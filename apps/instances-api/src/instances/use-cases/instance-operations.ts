import type { Instance, InstanceChanges, InstanceDao, InstanceStatus } from '@bbws/data-access-instances';
import type { ResourceLockReader } from '@bbws/data-access-operations';
import { requirePlatformAdmin, type Caller, type TenantAccessService } from '@bbws/platform-auth';
import type { OperationLauncher } from '@bbws/platform-operations';
import type { MessageContract, Operation } from '@bbws/shared-contracts';
import { PreconditionFailedError, VersionConflictError } from '@bbws/shared-errors';
import { instanceNotFound, operationInProgress, toInstanceAppError } from '../instance-errors';

export interface InstanceLaunch<P extends object> {
  caller: Caller;
  instance: Instance;
  /** The version the caller read (If-Match), if it sent one. */
  ifMatch?: number;
  /** Statuses the operation may start from, and the one it puts the instance in. */
  from: readonly InstanceStatus[];
  to: InstanceStatus;
  /** Other fields written with the status (e.g. clearing `lastError` on a retry). */
  changes?: InstanceChanges;
  /** Throws the 422 of the state machine for the instance as read (its status is not in `from`, nothing runs). */
  refuse: (current: Instance) => never;
  contract: MessageContract<P>;
  payload: P;
  correlationId: string;
}

/** Reads and writes of one request racing other writers of the instance (see {@link InstanceOperations.launch}). */
const MAX_ATTEMPTS = 3;

/**
 * Starts operations on existing instances: platform admins only (members 403, others 404), one at a time
 * (the operation's resource lock), and the instance's transitional status written in the same
 * transaction as the operation, conditional on the version read and the status the action starts from.
 */
export class InstanceOperations {
  constructor(
    private readonly instances: Pick<InstanceDao, 'getInTenant' | 'changeWrites'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly locks: Pick<ResourceLockReader, 'find'>,
    private readonly launcher: Pick<OperationLauncher, 'launch'>,
  ) {}

  /** The instance a platform admin acts on. */
  async loadForAdmin(caller: Caller, tenantId: string, instanceId: string): Promise<Instance> {
    await this.access.require(caller, tenantId);
    requirePlatformAdmin(caller);
    const instance = await this.instances.getInTenant(tenantId, instanceId);
    if (!instance) throw instanceNotFound(instanceId);
    return instance;
  }

  /**
   * Without If-Match, a change that landed between the read and the write (a runtime event recording the
   * running count right after provisioning, say) is not the caller's concern: the instance is read again
   * and the action re-checked against it, a bounded number of times. With If-Match it is a 412.
   */
  async launch<P extends object>(request: InstanceLaunch<P>): Promise<Operation> {
    let instance = request.instance;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.launchOnce({ ...request, instance });
      } catch (error) {
        const retry =
          error instanceof VersionConflictError && request.ifMatch === undefined && attempt < MAX_ATTEMPTS;
        if (!retry)
          throw toInstanceAppError(error, {
            instanceId: instance.instanceId,
            requestedStatus: request.to,
            ifMatch: request.ifMatch,
          });
        const current = await this.instances.getInTenant(instance.tenantId, instance.instanceId);
        if (!current) throw instanceNotFound(instance.instanceId);
        instance = current;
      }
    }
  }

  private async launchOnce<P extends object>(request: InstanceLaunch<P>): Promise<Operation> {
    const { instance, ifMatch, from, to } = request;
    if (ifMatch !== undefined && ifMatch !== instance.version)
      throw new PreconditionFailedError(ifMatch, instance.version);
    if (!from.includes(instance.status)) {
      // One operation at a time comes first: a second request while one runs names the one running.
      const lock = await this.locks.find(instance.instanceId);
      if (lock) throw operationInProgress(instance.instanceId, lock);
      request.refuse(instance);
    }
    return this.launcher.launch({
      contract: request.contract,
      tenantId: instance.tenantId,
      resourceType: 'instance',
      resourceId: instance.instanceId,
      createdBy: request.caller.userId,
      correlationId: request.correlationId,
      payload: request.payload,
      extra: this.instances.changeWrites(instance, {
        expectedVersion: instance.version,
        expectedStatuses: from,
        changes: { ...request.changes, status: to },
      }),
    });
  }
}
