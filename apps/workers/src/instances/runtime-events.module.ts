import { Module } from '@nestjs/common';
import { InstanceDao, RuntimeLookupDao } from '@bbws/data-access-instances';
import { COMPUTE_PORT } from '@bbws/integrations-compute';
import { provideFactory } from '@bbws/platform-bootstrap';
import { INSTANCE_WORKERS_CONFIG } from '../workers.tokens';
import { INSTANCE_STORE_PROVIDERS } from './instance-workers.providers';
import { RuntimeEventsConsumer } from './runtime-events.consumer';

/** `bbws-instance-events`: raw ECS events recorded on the instance they belong to. */
@Module({
  providers: [
    ...INSTANCE_STORE_PROVIDERS,
    provideFactory(
      RuntimeEventsConsumer,
      [RuntimeLookupDao, InstanceDao, COMPUTE_PORT, INSTANCE_WORKERS_CONFIG],
      (lookups, instances, compute, config) =>
        new RuntimeEventsConsumer(lookups, instances, compute, config.environments),
    ),
  ],
  exports: [RuntimeEventsConsumer],
})
export class RuntimeEventsModule {}
