import type { OperationContext, OperationHandler, OperationOutcome } from '@bbws/platform-operations';
import {
  MESSAGES,
  type InstanceLifecyclePayload,
  type InstanceScalePayload,
  type Operation,
  type OperationError,
} from '@bbws/shared-contracts';
import type { InstanceLifecycleService, InstanceLifecycleType } from './instance-lifecycle.service';

/** `bbws-instance-lifecycle`: one handler per message type, all on the lifecycle service. */
abstract class LifecycleHandler<P extends object> implements OperationHandler<P> {
  abstract readonly contract: OperationHandler<P>['contract'];
  protected abstract readonly type: InstanceLifecycleType;

  constructor(protected readonly lifecycle: InstanceLifecycleService) {}

  abstract run(context: OperationContext<P>): Promise<OperationOutcome>;

  failureWrites(operation: Operation, error: OperationError) {
    return this.lifecycle.failureWrites(operation, this.type, error);
  }

  onFailed(operation: Operation, error: OperationError): Promise<void> {
    return this.lifecycle.recordFailure(operation, this.type, error);
  }
}

export class InstanceScaleHandler extends LifecycleHandler<InstanceScalePayload> {
  readonly contract = MESSAGES.INSTANCE_SCALE;
  protected readonly type = 'INSTANCE_SCALE';
  run(context: OperationContext<InstanceScalePayload>) {
    return this.lifecycle.scale(context);
  }
}

export class InstanceSuspendHandler extends LifecycleHandler<InstanceLifecyclePayload> {
  readonly contract = MESSAGES.INSTANCE_SUSPEND;
  protected readonly type = 'INSTANCE_SUSPEND';
  run(context: OperationContext<InstanceLifecyclePayload>) {
    return this.lifecycle.stop(context, 'INSTANCE_SUSPEND');
  }
}

export class InstanceParkHandler extends LifecycleHandler<InstanceLifecyclePayload> {
  readonly contract = MESSAGES.INSTANCE_PARK;
  protected readonly type = 'INSTANCE_PARK';
  run(context: OperationContext<InstanceLifecyclePayload>) {
    return this.lifecycle.stop(context, 'INSTANCE_PARK');
  }
}

export class InstanceResumeHandler extends LifecycleHandler<InstanceLifecyclePayload> {
  readonly contract = MESSAGES.INSTANCE_RESUME;
  protected readonly type = 'INSTANCE_RESUME';
  run(context: OperationContext<InstanceLifecyclePayload>) {
    return this.lifecycle.start(context, 'INSTANCE_RESUME');
  }
}

export class InstanceUnparkHandler extends LifecycleHandler<InstanceLifecyclePayload> {
  readonly contract = MESSAGES.INSTANCE_UNPARK;
  protected readonly type = 'INSTANCE_UNPARK';
  run(context: OperationContext<InstanceLifecyclePayload>) {
    return this.lifecycle.start(context, 'INSTANCE_UNPARK');
  }
}
