import {
  InstanceStatusChangedError,
  type Instance,
  type InstanceChanges,
  type InstanceDao,
  type InstanceStatus,
} from '@bbws/data-access-instances';
import type { ExtraWrites } from '@bbws/data-access-dynamo';
import type { HostingEnvironment } from '@bbws/shared-contracts';
import {
  ConflictError,
  InvalidStatusTransitionError,
  NotFoundError,
  VersionConflictError,
} from '@bbws/shared-errors';

const WRITE_ATTEMPTS = 3;

/** A concurrent edit of the instance kept moving its version: worth another attempt of the operation. */
class InstanceBusyError extends ConflictError {
  override readonly retryable = true;
  constructor(instanceId: string) {
    super('INSTANCE_BUSY', `Instance ${instanceId} kept changing while the worker wrote it`);
  }
}

/** Which instance an operation runs on: the tenant's partition read (strongly consistent), checked by id. */
export interface InstanceLocator {
  tenantId: string;
  environment: HostingEnvironment;
  instanceId: string;
}

/**
 * The instance workers' writes: conditional on the status the step expects and on the version read,
 * retried a few times when only the version moved. A status write already done (an earlier attempt) is
 * not redone, so every step that ends in one can run again after a crash.
 */
export class InstanceStateWriter {
  constructor(private readonly instances: InstanceDao) {}

  async load(locator: InstanceLocator): Promise<Instance> {
    const instance = await this.instances.get(locator.tenantId, locator.environment);
    if (!instance || instance.instanceId !== locator.instanceId)
      throw new NotFoundError('INSTANCE', locator.instanceId);
    return instance;
  }

  /** Moves the instance to `changes.status` from one of `from` (no-op when it is already there). */
  async move(
    locator: InstanceLocator,
    from: readonly InstanceStatus[],
    changes: InstanceChanges & { status: InstanceStatus },
  ): Promise<Instance> {
    return this.write(locator, from, changes, (instance) => instance.status === changes.status);
  }

  /** The writes of {@link move} for another store's transaction; undefined when the instance is not in `from`. */
  async moveWrites(
    locator: InstanceLocator,
    from: readonly InstanceStatus[],
    changes: InstanceChanges & { status: InstanceStatus },
  ): Promise<ExtraWrites | undefined> {
    const instance = await this.load(locator);
    if (!from.includes(instance.status)) return undefined;
    return this.instances.changeWrites(instance, {
      expectedVersion: instance.version,
      expectedStatuses: from,
      changes,
    });
  }

  /** Records fields while the instance is in one of `statuses`. */
  async record(
    locator: InstanceLocator,
    statuses: readonly InstanceStatus[],
    changes: InstanceChanges,
  ): Promise<Instance> {
    return this.write(locator, statuses, changes, () => false);
  }

  private async write(
    locator: InstanceLocator,
    from: readonly InstanceStatus[],
    changes: InstanceChanges,
    alreadyDone: (instance: Instance) => boolean,
  ): Promise<Instance> {
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt += 1) {
      const instance = await this.load(locator);
      if (alreadyDone(instance)) return instance;
      if (!from.includes(instance.status))
        throw new InvalidStatusTransitionError(instance.status, changes.status ?? instance.status, []);
      try {
        return await this.instances.change(instance, {
          expectedVersion: instance.version,
          expectedStatuses: from,
          changes,
        });
      } catch (error) {
        if (error instanceof InstanceStatusChangedError) continue;
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
    throw new InstanceBusyError(locator.instanceId);
  }
}
