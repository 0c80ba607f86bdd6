import { Module } from '@nestjs/common';
import { RuntimeLookupDao } from '@bbws/data-access-instances';
import { COMPUTE_PORT } from '@bbws/integrations-compute';
import { provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { EventPublisher } from '@bbws/platform-sqs';
import { INSTANCE_WORKERS_CONFIG, TENANT_ACTIVATION } from '../workers.tokens';
import { InstanceFailureRecorder } from './instance-failure.recorder';
import { InstanceProvisionHandler, InstanceUpdateHandler } from './instance-provision.handlers';
import { InstanceProvisionService } from './instance-provision.service';
import { InstanceStateWriter } from './instance-state.writer';
import { GITOPS_PORT, INSTANCE_GITOPS_PROVIDERS } from './instance-workers.providers';
import { WorkflowRunTracker } from './workflow-run.tracker';

export const INSTANCE_PROVISION_HANDLERS = [InstanceProvisionHandler, InstanceUpdateHandler];

/** `bbws-instance-provision`: provisioning and updates through the environment's GitOps repository. */
@Module({
  providers: [
    ...INSTANCE_GITOPS_PROVIDERS,
    provideFactory(
      InstanceProvisionService,
      [
        InstanceStateWriter,
        GITOPS_PORT,
        WorkflowRunTracker,
        COMPUTE_PORT,
        RuntimeLookupDao,
        EventPublisher,
        TENANT_ACTIVATION,
        INSTANCE_WORKERS_CONFIG,
      ],
      (state, gitops, tracker, compute, runtimeLookup, events, activation, config) =>
        new InstanceProvisionService({
          state,
          gitops,
          tracker,
          compute,
          runtimeLookup,
          events,
          activation,
          config,
        }),
    ),
    provideClass(InstanceProvisionHandler, [InstanceProvisionService, InstanceFailureRecorder]),
    provideClass(InstanceUpdateHandler, [InstanceProvisionService, InstanceFailureRecorder]),
  ],
  exports: INSTANCE_PROVISION_HANDLERS,
})
export class InstanceProvisionModule {}
