import { Module, type DynamicModule } from '@nestjs/common';
import { InstanceDao } from '@bbws/data-access-instances';
import { TenantSummaryReader } from '@bbws/data-access-memberships';
import { OperationDao, ResourceLockReader } from '@bbws/data-access-operations';
import { createComputeAdapter, type ComputePort } from '@bbws/integrations-compute';
import { TenantAccessService } from '@bbws/platform-auth';
import {
  CLOCK,
  DYNAMO_CONTEXT,
  LOGGER,
  provideClass,
  provideFactory,
  provideValue,
} from '@bbws/platform-bootstrap';
import { OperationLauncher } from '@bbws/platform-operations';
import { MessageProducer, ProducerModule } from '@bbws/platform-sqs';
import { token } from '@bbws/shared-util';
import type { InstancesConfig } from '../config/instances-api.config';
import { COMPUTE } from './compute.token';
import { InstanceActionsController } from './instance-actions.controller';
import { InstanceLifecycleController } from './instance-lifecycle.controller';
import { InstancesController } from './instances.controller';
import { InstancesService } from './instances.service';
import { InstanceActions } from './use-cases/instance-actions';
import { InstanceOperations } from './use-cases/instance-operations';
import { ProvisionInstance } from './use-cases/provision-instance';
import { RetryInstance } from './use-cases/retry-instance';

const INSTANCES_CONFIG = token<InstancesConfig>('INSTANCES_CONFIG');

export interface InstancesModuleOptions {
  config: InstancesConfig;
  /** What the API asks of compute (live status); by default the ECS/ELBv2 adapter built from `config.compute`. */
  compute?: Pick<ComputePort, 'describeService'>;
}

/** The instances resource: reads, provisioning, runtime actions, retry, live status. */
@Module({})
export class InstancesModule {
  static register(options: InstancesModuleOptions): DynamicModule {
    return {
      module: InstancesModule,
      imports: [ProducerModule],
      controllers: [InstancesController, InstanceActionsController, InstanceLifecycleController],
      providers: [
        provideValue(INSTANCES_CONFIG, options.config),
        options.compute
          ? provideValue(COMPUTE, options.compute)
          : provideFactory(COMPUTE, [INSTANCES_CONFIG], (config): Pick<ComputePort, 'describeService'> =>
              createComputeAdapter(config.compute),
            ),
        provideClass(InstanceDao, [DYNAMO_CONTEXT]),
        provideClass(TenantSummaryReader, [DYNAMO_CONTEXT]),
        provideClass(OperationDao, [DYNAMO_CONTEXT]),
        provideClass(ResourceLockReader, [DYNAMO_CONTEXT]),
        provideClass(OperationLauncher, [OperationDao, MessageProducer, CLOCK, LOGGER]),
        provideClass(InstancesService, [
          InstanceDao,
          TenantAccessService,
          ResourceLockReader,
          COMPUTE,
          CLOCK,
        ]),
        provideClass(InstanceOperations, [
          InstanceDao,
          TenantAccessService,
          ResourceLockReader,
          OperationLauncher,
        ]),
        provideClass(InstanceActions, [InstanceOperations]),
        provideClass(RetryInstance, [InstanceOperations, OperationDao]),
        provideFactory(
          ProvisionInstance,
          [InstanceDao, TenantSummaryReader, TenantAccessService, OperationLauncher, INSTANCES_CONFIG, CLOCK],
          (instances, tenants, access, launcher, config, clock) =>
            new ProvisionInstance(instances, tenants, access, launcher, config.environments, clock),
        ),
      ],
    };
  }
}
