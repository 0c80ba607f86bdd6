import { setTimeout as sleep } from 'node:timers/promises';
import type { InstanceDao, Instance, InstanceStatus } from '@bbws/data-access-instances';
import type { OperationDao } from '@bbws/data-access-operations';
import type { OperationLauncher } from '@bbws/platform-operations';
import {
  MESSAGES,
  ResourceLockedError,
  type InstanceLifecyclePayload,
  type MessageContract,
  type Operation,
  type TenantLifecycleAction,
} from '@bbws/shared-contracts';
import { BusinessRuleError, UpstreamError } from '@bbws/shared-errors';
import type {
  FanOutContext,
  InstanceChildOperation,
  TenantInstancesLifecycle,
} from './tenant-instances.port';

/** Which instances a tenant action touches (those in `from`), the status it moves them to, and the operation. */
const FAN_OUT: Record<
  TenantLifecycleAction,
  { from: readonly InstanceStatus[]; to: InstanceStatus; contract: MessageContract<InstanceLifecyclePayload> }
> = {
  SUSPEND: { from: ['ACTIVE'], to: 'SUSPENDING', contract: MESSAGES.INSTANCE_SUSPEND },
  RESUME: { from: ['SUSPENDED'], to: 'RESUMING', contract: MESSAGES.INSTANCE_RESUME },
  PARK: { from: ['ACTIVE'], to: 'PARKING', contract: MESSAGES.INSTANCE_PARK },
  UNPARK: { from: ['PARKED'], to: 'UNPARKING', contract: MESSAGES.INSTANCE_UNPARK },
  DEPROVISION: {
    from: ['ACTIVE', 'SUSPENDED', 'PARKED', 'FAILED', 'WORKFLOW_FAILED'],
    to: 'PENDING_DEPROVISIONING',
    contract: MESSAGES.INSTANCE_DEPROVISION,
  },
};

/** Statuses an earlier attempt's child operation may have moved an instance to (followed, not relaunched). */
const IN_FLIGHT: Partial<Record<TenantLifecycleAction, readonly InstanceStatus[]>> = {
  DEPROVISION: ['DEPROVISIONING'],
};

const TERMINAL = ['COMPLETED', 'FAILED', 'CANCELLED'];

export interface FanOutOptions {
  pollIntervalMs: number;
  /** How long one attempt waits for the children before handing the tenant operation back (it resumes). */
  timeoutMs: number;
}

class ChildOperationsFailedError extends BusinessRuleError {
  constructor(failed: InstanceChildOperation[]) {
    super(
      'INSTANCE_OPERATIONS_FAILED',
      `${failed.length} instance operation(s) did not complete: ${failed.map((child) => `${child.operationId} (${child.status})`).join(', ')}`,
      { operations: failed },
    );
  }
}

class ChildOperationsPendingError extends UpstreamError {
  constructor(pending: number) {
    super(`${pending} instance operation(s) still running; the tenant operation waits for them`, {
      code: 'INSTANCE_OPERATIONS_PENDING',
      retryable: true,
    });
  }
}

/**
 * The tenant lifecycle's instance fan-out: one INSTANCE_* operation per instance in the status the
 * action applies to, launched like instances-api launches them (instance status, operation and lock in
 * one transaction), then awaited. Safe to run again: an instance already moved by an earlier attempt
 * is followed through its active operation instead of getting a second one.
 */
export class TenantInstancesFanOut implements TenantInstancesLifecycle {
  constructor(
    private readonly instances: InstanceDao,
    private readonly operations: OperationDao,
    private readonly launcher: Pick<OperationLauncher, 'launch'>,
    private readonly options: FanOutOptions,
  ) {}

  stepName(action: TenantLifecycleAction): string {
    return `${action.toLowerCase()}-instances`;
  }

  async apply(tenantId: string, action: TenantLifecycleAction, context: FanOutContext) {
    const plan = FAN_OUT[action];
    const children: InstanceChildOperation[] = [];
    for (const instance of await this.instances.listByTenant(tenantId)) {
      const following = instance.status === plan.to || IN_FLIGHT[action]?.includes(instance.status);
      const operationId = plan.from.includes(instance.status)
        ? await this.launch(instance, action, context)
        : following
          ? await this.operations.activeOperationId(instance.instanceId)
          : null;
      if (operationId)
        children.push({
          operationId,
          instanceId: instance.instanceId,
          environment: instance.environment,
          status: 'PENDING',
        });
    }
    const finished = await this.await(children, context.signal);
    const failed = finished.filter((child) => child.status !== 'COMPLETED');
    if (failed.length) throw new ChildOperationsFailedError(failed);
    return { operations: finished };
  }

  private async launch(
    instance: Instance,
    action: TenantLifecycleAction,
    context: FanOutContext,
  ): Promise<string> {
    const plan = FAN_OUT[action];
    const target = { instanceId: instance.instanceId, environment: instance.environment };
    try {
      const operation = await this.launcher.launch({
        contract: plan.contract,
        tenantId: instance.tenantId,
        resourceType: 'instance',
        resourceId: instance.instanceId,
        createdBy: context.createdBy,
        correlationId: context.correlationId,
        // INSTANCE_DEPROVISION carries no reason; the runtime actions say which tenant operation asked.
        payload:
          action === 'DEPROVISION'
            ? target
            : { ...target, reason: context.reason ?? `Tenant operation ${context.operationId}` },
        extra: this.instances.changeWrites(instance, {
          expectedVersion: instance.version,
          expectedStatuses: [instance.status],
          changes: { status: plan.to },
        }),
      });
      return operation.operationId;
    } catch (error) {
      // Another operation holds the instance (e.g. a scale): the tenant waits for it on a later attempt.
      if (error instanceof ResourceLockedError) throw new ChildOperationsPendingError(1);
      throw error;
    }
  }

  private async await(
    children: InstanceChildOperation[],
    signal: AbortSignal,
  ): Promise<InstanceChildOperation[]> {
    const deadline = Date.now() + this.options.timeoutMs;
    let current = children;
    for (;;) {
      const seen = await Promise.all(current.map((child) => this.operations.get(child.operationId)));
      current = current.map((child, index) => ({ ...child, status: statusOf(seen[index]) }));
      const pending = current.filter((child) => !TERMINAL.includes(child.status)).length;
      if (pending === 0) return current;
      if (Date.now() >= deadline) throw new ChildOperationsPendingError(pending);
      await sleep(this.options.pollIntervalMs, undefined, { signal });
    }
  }
}

const statusOf = (operation: Operation | null) => operation?.status ?? 'FAILED';
