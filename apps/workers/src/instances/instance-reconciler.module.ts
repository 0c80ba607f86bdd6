import { Module } from '@nestjs/common';
import { InstanceDao } from '@bbws/data-access-instances';
import { OperationDao } from '@bbws/data-access-operations';
import { COMPUTE_PORT } from '@bbws/integrations-compute';
import { CLOCK, LOGGER, provideFactory } from '@bbws/platform-bootstrap';
import type { HostingEnvironmentName } from '@bbws/shared-config';
import { INSTANCE_WORKERS_CONFIG } from '../workers.tokens';
import { InstanceReconcilerTask } from './instance-reconciler.task';
import { INSTANCE_STORE_PROVIDERS } from './instance-workers.providers';

/** The instance reconciler, run periodically. */
@Module({
  providers: [
    ...INSTANCE_STORE_PROVIDERS,
    provideFactory(
      InstanceReconcilerTask,
      [InstanceDao, OperationDao, COMPUTE_PORT, CLOCK, LOGGER, INSTANCE_WORKERS_CONFIG],
      (instances, operations, compute, clock, logger, config) =>
        new InstanceReconcilerTask(instances, operations, compute, clock, logger, {
          environments: Object.keys(config.environments) as HostingEnvironmentName[],
          ...config.reconciler,
        }),
    ),
  ],
  exports: [InstanceReconcilerTask],
})
export class InstanceReconcilerModule {}
