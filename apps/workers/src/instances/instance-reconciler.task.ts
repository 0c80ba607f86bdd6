import type { Instance, InstanceDao, InstanceStatus } from '@bbws/data-access-instances';
import type { OperationDao } from '@bbws/data-access-operations';
import type { ComputePort } from '@bbws/integrations-compute';
import type { HostingEnvironmentName } from '@bbws/shared-config';
import { isTerminalStatus } from '@bbws/shared-contracts';
import type { Logger } from '@bbws/shared-logging';
import type { Clock } from '@bbws/shared-util';
import type { WorkerTask } from '../runtime/worker-task';
import { serviceOf } from './instance-refs';

/** Statuses an operation holds the instance in; outside an operation nothing moves it on. */
export const TRANSITIONAL_STATUSES: readonly InstanceStatus[] = [
  'PENDING_PROVISIONING',
  'COMMITTING',
  'WORKFLOW_QUEUED',
  'WORKFLOW_RUNNING',
  'PROVISIONING',
  'UPDATING',
  'SCALING',
  'SUSPENDING',
  'RESUMING',
  'PARKING',
  'UNPARKING',
  'PENDING_DEPROVISIONING',
  'DEPROVISIONING',
];

export interface InstanceReconcilerOptions {
  environments: readonly HostingEnvironmentName[];
  intervalMs: number;
  /** Instances per environment and status looked at per tick (one page of the fleet index). */
  batchSize: number;
  /** How long an instance must have stayed unchanged before it counts as stuck. */
  graceMs: number;
}

/**
 * So that progress never depends on events alone: an instance left in a transitional status whose
 * operation is terminal or gone becomes FAILED (lastError says so; `/retry` or a delete follow), and
 * ACTIVE instances' running counts are refreshed from DescribeServices, one page per environment per
 * tick (the next tick takes the next page).
 */
export class InstanceReconcilerTask implements WorkerTask {
  readonly name = 'instance-reconciler';
  private readonly activeCursors = new Map<string, string | undefined>();

  constructor(
    private readonly instances: InstanceDao,
    private readonly operations: OperationDao,
    private readonly compute: ComputePort,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: InstanceReconcilerOptions,
  ) {}

  get intervalMs(): number {
    return this.options.intervalMs;
  }

  async run(): Promise<{ failed: number; refreshed: number }> {
    let failed = 0;
    let refreshed = 0;
    for (const environment of this.options.environments) {
      for (const status of TRANSITIONAL_STATUSES) {
        const page = await this.instances.listFleet(environment, status, {
          pageSize: this.options.batchSize,
        });
        for (const instance of page.items) if (await this.failIfStuck(instance)) failed += 1;
      }
      refreshed += await this.refreshActive(environment);
    }
    return { failed, refreshed };
  }

  private async failIfStuck(instance: Instance): Promise<boolean> {
    const now = this.clock.now();
    if (now.getTime() - Date.parse(instance.updatedAt) < this.options.graceMs) return false;
    const lock = await this.operations.activeOperationId(instance.instanceId);
    const operation = lock ? await this.operations.get(lock) : null;
    if (operation && !isTerminalStatus(operation.status)) return false;
    const message = operation
      ? `Operation ${operation.operationId} ended ${operation.status} and left the instance ${instance.status}`
      : `No operation is running on the instance, which was left ${instance.status}`;
    try {
      await this.instances.change(instance, {
        expectedVersion: instance.version,
        expectedStatuses: [instance.status],
        changes: {
          status: 'FAILED',
          lastError: {
            code: 'OPERATION_ENDED',
            message,
            at: now.toISOString(),
            ...(operation ? { operationId: operation.operationId } : {}),
          },
        },
      });
    } catch (error) {
      // It changed meanwhile (an operation moved it on): the next tick looks again.
      this.logger.debug({ err: error, instanceId: instance.instanceId }, 'stuck instance changed meanwhile');
      return false;
    }
    this.logger.warn({ instanceId: instance.instanceId, status: instance.status }, message);
    return true;
  }

  private async refreshActive(environment: HostingEnvironmentName): Promise<number> {
    const page = await this.instances.listFleet(environment, 'ACTIVE', {
      pageSize: this.options.batchSize,
      startAt: this.activeCursors.get(environment),
    });
    this.activeCursors.set(environment, page.nextStartAt ?? undefined);
    let refreshed = 0;
    for (const instance of page.items) {
      try {
        const snapshot = await this.compute.describeService(serviceOf(instance));
        if (snapshot.status !== 'ACTIVE' || snapshot.runningCount === instance.runningCount) continue;
        await this.instances.change(instance, {
          expectedVersion: instance.version,
          expectedStatuses: ['ACTIVE'],
          changes: { runningCount: snapshot.runningCount },
        });
        refreshed += 1;
      } catch (error) {
        this.logger.warn({ err: error, instanceId: instance.instanceId }, 'running count not refreshed');
      }
    }
    return refreshed;
  }
}
