import { Module } from '@nestjs/common';
import { InstanceDao } from '@bbws/data-access-instances';
import type { OperationContext, OperationHandler } from '@bbws/platform-operations';
import { COMPUTE_PORT } from '@bbws/integrations-compute';
import { CLOCK, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import {
  MESSAGES,
  type InstanceDeprovisionPayload,
  type Operation,
  type OperationError,
} from '@bbws/shared-contracts';
import { InstanceDeprovisionService, DEPROVISION_STATUSES } from './instance-deprovision.service';
import { InstanceArchiver } from './instance.archiver';
import { InstanceFailureRecorder } from './instance-failure.recorder';
import { InstanceStateWriter } from './instance-state.writer';
import {
  ARTIFACT_STORE,
  GITOPS_PORT,
  INSTANCE_ARTIFACTS_PROVIDERS,
  INSTANCE_GITOPS_PROVIDERS,
} from './instance-workers.providers';
import { WorkflowRunTracker } from './workflow-run.tracker';
import { INSTANCE_WORKERS_CONFIG } from '../workers.tokens';

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

  failureWrites(operation: Operation, error: OperationError) {
    return this.failures.writes(operation, DEPROVISION_STATUSES, error);
  }

  onFailed(operation: Operation, error: OperationError): Promise<void> {
    return this.failures.record(operation, DEPROVISION_STATUSES, error);
  }
}

/** `bbws-instance-deprovision`: archive to the artifact store, destroy through the GitOps workflow, remove the folder, release the guards. */
@Module({
  providers: [
    ...INSTANCE_GITOPS_PROVIDERS,
    ...INSTANCE_ARTIFACTS_PROVIDERS,
    provideFactory(
      InstanceArchiver,
      [COMPUTE_PORT, ARTIFACT_STORE, CLOCK, INSTANCE_WORKERS_CONFIG],
      (compute, artifacts, clock, config) => new InstanceArchiver(compute, artifacts, clock, config.workflow),
    ),
    provideClass(InstanceDeprovisionService, [
      InstanceStateWriter,
      InstanceDao,
      GITOPS_PORT,
      WorkflowRunTracker,
      InstanceArchiver,
    ]),
    provideClass(InstanceDeprovisionHandler, [InstanceDeprovisionService, InstanceFailureRecorder]),
  ],
  exports: [InstanceDeprovisionHandler],
})
export class InstanceDeprovisionModule {}
