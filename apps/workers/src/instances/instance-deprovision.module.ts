import { Module } from '@nestjs/common';
import { InstanceDao } from '@bbws/data-access-instances';
import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import { provideClass } from '@bbws/platform-bootstrap';
import {
  MESSAGES,
  type InstanceDeprovisionPayload,
  type Operation,
  type OperationError,
} from '@bbws/shared-contracts';
import { InstanceDeprovisionService, DEPROVISION_STATUSES } from './instance-deprovision.service';
import { InstanceFailureRecorder } from './instance-failure.recorder';
import { InstanceStateWriter } from './instance-state.writer';
import { GITOPS_PORT, INSTANCE_GITOPS_PROVIDERS } from './instance-workers.providers';
import { WorkflowRunTracker } from './workflow-run.tracker';

/** `bbws-instance-deprovision`: INSTANCE_DEPROVISION. */
export class InstanceDeprovisionHandler implements OperationHandler<InstanceDeprovisionPayload> {
  readonly contract = MESSAGES.INSTANCE_DEPROVISION;

  constructor(
    private readonly deprovisioning: InstanceDeprovisionService,
    private readonly failures: InstanceFailureRecorder,
  ) {}

  run(context: OperationContext<InstanceDeprovisionPayload>) {
    return this.deprovisioning.deprovision(context);
  }

  onFailed(operation: Operation, error: OperationError): Promise<void> {
    return this.failures.record(operation, DEPROVISION_STATUSES, error);
  }
}

/** `bbws-instance-deprovision`: destroy through the GitOps workflow, remove the folder, release the guards. */
@Module({
  providers: [
    ...INSTANCE_GITOPS_PROVIDERS,
    provideClass(InstanceDeprovisionService, [
      InstanceStateWriter,
      InstanceDao,
      GITOPS_PORT,
      WorkflowRunTracker,
    ]),
    provideClass(InstanceDeprovisionHandler, [InstanceDeprovisionService, InstanceFailureRecorder]),
  ],
  exports: [InstanceDeprovisionHandler],
})
export class InstanceDeprovisionModule {}
