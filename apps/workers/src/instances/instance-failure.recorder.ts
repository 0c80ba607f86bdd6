import type { Instance, InstanceStatus } from '@bbws/data-access-instances';
import type { EventPublisher } from '@bbws/platform-sqs';
import type { Operation, OperationError } from '@bbws/shared-contracts';
import type { Clock } from '@bbws/shared-util';
import type { ExtraWrites } from '@bbws/data-access-dynamo';
import type { InstanceLocator, InstanceStateWriter } from './instance-state.writer';

/**
 * A failed GitOps operation leaves the instance WORKFLOW_FAILED (the run failed) or FAILED (anything
 * else) with its error, when it is still in a status the operation put it in; `instance.failed` follows.
 */
export class InstanceFailureRecorder {
  constructor(
    private readonly state: InstanceStateWriter,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  /** The instance's failed state, committed with the FAILED operation (see OperationHandler.failureWrites). */
  async writes(
    operation: Operation,
    during: readonly InstanceStatus[],
    error: OperationError,
  ): Promise<ExtraWrites | undefined> {
    const locator = locatorOf(operation);
    return locator ? this.state.moveWrites(locator, during, this.failedState(operation, error)) : undefined;
  }

  /** After the commit: the same state if the writes could not go with it, then `instance.failed`. */
  async record(
    operation: Operation,
    during: readonly InstanceStatus[],
    error: OperationError,
  ): Promise<void> {
    const locator = locatorOf(operation);
    if (!locator) return;
    const failedStatus = this.failedState(operation, error).status;
    const instance = await this.state.load(locator);
    if (!during.includes(instance.status) && instance.status !== failedStatus) return;
    const failed = await this.state.move(locator, during, this.failedState(operation, error));
    await this.events.publish({
      tenantId: failed.tenantId,
      type: 'instance.failed',
      correlationId: operation.dispatch?.message.correlationId ?? operation.operationId,
      data: {
        instanceId: failed.instanceId,
        environment: failed.environment,
        status: failed.status,
        operationId: operation.operationId,
        error: { code: error.code, message: error.message },
      },
    });
  }

  private failedState(operation: Operation, error: OperationError) {
    return {
      status: error.code === 'WORKFLOW_FAILED' ? ('WORKFLOW_FAILED' as const) : ('FAILED' as const),
      lastError: {
        code: error.code,
        message: error.message,
        at: this.clock.now().toISOString(),
        operationId: operation.operationId,
      },
    };
  }
}

/** Which instance a failed instance operation ran on (from its message). */
export function locatorOf(operation: Operation): InstanceLocator | undefined {
  const payload = operation.dispatch?.message.payload as
    { environment?: Instance['environment'] } | undefined;
  if (!payload?.environment) return undefined;
  return { tenantId: operation.tenantId, environment: payload.environment, instanceId: operation.resourceId };
}
