import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import {
  MESSAGES,
  type InstanceProvisionPayload,
  type InstanceUpdatePayload,
  type Operation,
  type OperationError,
} from '@bbws/shared-contracts';
import type { InstanceFailureRecorder } from './instance-failure.recorder';
import type { InstanceProvisionService } from './instance-provision.service';

const PROVISION_STATUSES = [
  'PENDING_PROVISIONING',
  'COMMITTING',
  'WORKFLOW_QUEUED',
  'WORKFLOW_RUNNING',
  'PROVISIONING',
] as const;

/** `bbws-instance-provision`: INSTANCE_PROVISION. */
export class InstanceProvisionHandler implements OperationHandler<InstanceProvisionPayload> {
  readonly contract = MESSAGES.INSTANCE_PROVISION;

  constructor(
    private readonly provisioning: InstanceProvisionService,
    private readonly failures: InstanceFailureRecorder,
  ) {}

  run(context: OperationContext<InstanceProvisionPayload>) {
    return this.provisioning.provision(context);
  }

  failureWrites(operation: Operation, error: OperationError) {
    return this.failures.writes(operation, PROVISION_STATUSES, error);
  }

  onFailed(operation: Operation, error: OperationError): Promise<void> {
    return this.failures.record(operation, PROVISION_STATUSES, error);
  }
}

/** `bbws-instance-provision`: INSTANCE_UPDATE (UPDATING → ACTIVE through the same GitOps steps). */
export class InstanceUpdateHandler implements OperationHandler<InstanceUpdatePayload> {
  readonly contract = MESSAGES.INSTANCE_UPDATE;

  constructor(
    private readonly provisioning: InstanceProvisionService,
    private readonly failures: InstanceFailureRecorder,
  ) {}

  run(context: OperationContext<InstanceUpdatePayload>) {
    return this.provisioning.update(context);
  }

  failureWrites(operation: Operation, error: OperationError) {
    return this.failures.writes(operation, ['UPDATING'], error);
  }

  onFailed(operation: Operation, error: OperationError): Promise<void> {
    return this.failures.record(operation, ['UPDATING'], error);
  }
}
