import type { Instance, InstanceStatus } from '@bbws/data-access-instances';
import type { ComputePort, ListenerRuleRef } from '@bbws/integrations-compute';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type {
  InstanceLifecyclePayload,
  InstanceScalePayload,
  Operation,
  OperationError,
} from '@bbws/shared-contracts';
import { BusinessRuleError } from '@bbws/shared-errors';
import type { Clock } from '@bbws/shared-util';
import { locatorOf, serviceOf } from './instance-refs';
import type { InstanceStateWriter } from './instance-state.writer';
import { locatorOf as locatorOfOperation } from './instance-failure.recorder';
import { waitForService, type ConvergenceOptions } from './service-convergence';

export type InstanceLifecycleType =
  'INSTANCE_SCALE' | 'INSTANCE_SUSPEND' | 'INSTANCE_RESUME' | 'INSTANCE_PARK' | 'INSTANCE_UNPARK';

/** The status the API put the instance in when it accepted the operation, and where it ends. */
export const LIFECYCLE_STATUSES: Record<
  InstanceLifecycleType,
  { during: InstanceStatus; done: InstanceStatus }
> = {
  INSTANCE_SCALE: { during: 'SCALING', done: 'ACTIVE' },
  INSTANCE_SUSPEND: { during: 'SUSPENDING', done: 'SUSPENDED' },
  INSTANCE_PARK: { during: 'PARKING', done: 'PARKED' },
  INSTANCE_RESUME: { during: 'RESUMING', done: 'ACTIVE' },
  INSTANCE_UNPARK: { during: 'UNPARKING', done: 'ACTIVE' },
};

const MAINTENANCE_PAGES = {
  INSTANCE_SUSPEND: {
    title: 'Temporarily unavailable',
    message: 'This site is suspended. Please try again later.',
  },
  INSTANCE_PARK: {
    title: 'Site parked',
    message: 'This site is parked and not serving visitors at the moment.',
  },
};

/** No listener rule routes the instance's host yet (provisioning never completed). */
class RuleNotFoundError extends BusinessRuleError {
  constructor(host: string) {
    super(
      'LISTENER_RULE_NOT_FOUND',
      `No listener rule routes ${host}; the instance was never fully provisioned`,
    );
  }
}

/**
 * Runtime actions on an ACTIVE (or stopped) instance, straight on ECS and the ALB (API.md § Instances):
 * scale sets the desired count; suspend and park first put the host's listener rule on a fixed 503
 * maintenance response, then stop every task, remembering the count; resume and unpark start that count
 * again and restore the forward action once the tasks run. Each step is confirmed from what ECS reports.
 */
export class InstanceLifecycleService {
  constructor(
    private readonly state: InstanceStateWriter,
    private readonly compute: ComputePort,
    private readonly convergence: ConvergenceOptions,
    private readonly clock: Clock,
  ) {}

  async scale(context: OperationContext<InstanceScalePayload>): Promise<OperationOutcome> {
    const locator = locatorOf(context);
    const { during, done } = LIFECYCLE_STATUSES.INSTANCE_SCALE;
    const count = context.payload.desiredCount;
    await context.plan(['scale-service', 'confirm-running', 'activate']);
    const instance = await this.state.load(locator);
    await context.step('scale-service', async () => {
      await this.compute.setDesiredCount(serviceOf(instance), count);
    });
    await context.step('confirm-running', (signal) => this.confirm(context, instance, count, signal));
    await context.step('activate', async () => {
      await this.state.move(locator, [during], { status: done, desiredCount: count, runningCount: count });
    });
    return {
      result: { instanceId: instance.instanceId, desiredCount: count },
      message: `Running ${count} task(s)`,
    };
  }

  /** Suspend or park: maintenance page first (no visitor sees errors), then zero tasks. */
  async stop(
    context: OperationContext<InstanceLifecyclePayload>,
    type: 'INSTANCE_SUSPEND' | 'INSTANCE_PARK',
  ): Promise<OperationOutcome> {
    const locator = locatorOf(context);
    const { during, done } = LIFECYCLE_STATUSES[type];
    await context.plan(['maintenance-on', 'stop-service', 'confirm-stopped', 'finish']);
    let instance = await this.state.load(locator);
    await context.step('maintenance-on', async () => {
      const rule = await this.ruleOf(instance);
      const { previousTargetGroupArn } = await this.compute.enterMaintenance(rule, MAINTENANCE_PAGES[type]);
      instance = await this.state.record(locator, [during], {
        previousDesiredCount: instance.previousDesiredCount ?? instance.desiredCount,
        resources: { listenerRuleArn: rule.ruleArn, targetGroupArn: previousTargetGroupArn },
      });
    });
    await context.step('stop-service', async () => {
      await this.compute.setDesiredCount(serviceOf(instance), 0);
    });
    await context.step('confirm-stopped', (signal) => this.confirm(context, instance, 0, signal));
    await context.step('finish', async () => {
      await this.state.move(locator, [during], { status: done, desiredCount: 0, runningCount: 0 });
    });
    return { result: { instanceId: instance.instanceId, status: done }, message: `Instance is ${done}` };
  }

  /** Resume or unpark: the remembered count first, the forward action once the tasks answer. */
  async start(
    context: OperationContext<InstanceLifecyclePayload>,
    type: 'INSTANCE_RESUME' | 'INSTANCE_UNPARK',
  ): Promise<OperationOutcome> {
    const locator = locatorOf(context);
    const { during, done } = LIFECYCLE_STATUSES[type];
    await context.plan(['start-service', 'confirm-running', 'maintenance-off', 'activate']);
    const instance = await this.state.load(locator);
    const count = instance.previousDesiredCount ?? Math.max(instance.desiredCount, 1);
    await context.step('start-service', async () => {
      await this.compute.setDesiredCount(serviceOf(instance), count);
    });
    await context.step('confirm-running', (signal) => this.confirm(context, instance, count, signal));
    await context.step('maintenance-off', async () => {
      const rule = await this.ruleOf(instance);
      const targetGroupArn = instance.resources.targetGroupArn;
      if (!targetGroupArn) throw new RuleNotFoundError(instance.resources.host);
      await this.compute.leaveMaintenance(rule, targetGroupArn);
    });
    await context.step('activate', async () => {
      await this.state.move(locator, [during], {
        status: done,
        desiredCount: count,
        runningCount: count,
        previousDesiredCount: null,
      });
    });
    return {
      result: { instanceId: instance.instanceId, desiredCount: count },
      message: `Running ${count} task(s)`,
    };
  }

  /** The instance FAILED with the error, committed with the FAILED operation (when it is still where the operation put it). */
  failureWrites(operation: Operation, type: InstanceLifecycleType, error: OperationError) {
    const locator = locatorOfOperation(operation);
    if (!locator) return Promise.resolve(undefined);
    return this.state.moveWrites(
      locator,
      [LIFECYCLE_STATUSES[type].during],
      this.failedState(operation, error),
    );
  }

  /** After the commit: the same state if the writes could not go with it (idempotent). */
  async recordFailure(
    operation: Operation,
    type: InstanceLifecycleType,
    error: OperationError,
  ): Promise<void> {
    const locator = locatorOfOperation(operation);
    if (!locator) return;
    const instance = await this.state.load(locator);
    if (instance.status !== LIFECYCLE_STATUSES[type].during) return;
    await this.state.move(locator, [LIFECYCLE_STATUSES[type].during], this.failedState(operation, error));
  }

  private failedState(operation: Operation, error: OperationError) {
    const at = this.clock.now().toISOString();
    return {
      status: 'FAILED' as const,
      lastError: { code: error.code, message: error.message, at, operationId: operation.operationId },
    };
  }

  private async confirm(context: OperationContext, instance: Instance, count: number, signal: AbortSignal) {
    const snapshot = await waitForService(this.compute, serviceOf(instance), count, {
      ...this.convergence,
      signal,
      onPoll: async (seen) => {
        const share =
          count === 0
            ? 1 - seen.runningCount / Math.max(instance.desiredCount, 1)
            : seen.runningCount / count;
        await context.progress(
          30 + 50 * Math.max(0, Math.min(1, share)),
          `${seen.runningCount} of ${count} task(s) running`,
        );
      },
    });
    return { runningCount: snapshot.runningCount };
  }

  private async ruleOf(instance: Instance): Promise<ListenerRuleRef> {
    const { environment, resources } = instance;
    if (resources.listenerRuleArn) return { environment, ruleArn: resources.listenerRuleArn };
    const rule = await this.compute.findRuleByHost(environment, resources.listenerArn, resources.host);
    if (!rule) throw new RuleNotFoundError(resources.host);
    return { environment, ruleArn: rule.ruleArn };
  }
}
