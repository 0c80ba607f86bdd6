import type { Instance, InstanceStatus } from '@bbws/data-access-instances';
import type { EventPublisher } from '@bbws/platform-sqs';
import type { Operation, OperationError } from '@bbws/shared-contracts';
import type { Clock } from '@bbws/shared-util';
import type { InstanceStateWriter } from './instance-state.writer';

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

  async record(
    operation: Operation,
    during: readonly InstanceStatus[],
    error: OperationError,
  ): Promise<void> {
    const payload = operation.dispatch?.message.payload as
      { environment?: Instance['environment'] } | undefined;
    if (!payload?.environment) return;
    const locator = {
      tenantId: operation.tenantId,
      environment: payload.environment,
      instanceId: operation.resourceId,
    };
    const instance = await this.state.load(locator);
    if (!during.includes(instance.status)) return;
    const status = error.code === 'WORKFLOW_FAILED' ? 'WORKFLOW_FAILED' : 'FAILED';
    const failed = await this.state.move(locator, during, {
      status,
      lastError: {
        code: error.code,
        message: error.message,
        at: this.clock.now().toISOString(),
        operationId: operation.operationId,
      },
    });
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
}
