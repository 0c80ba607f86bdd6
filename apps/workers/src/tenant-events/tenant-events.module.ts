import { Module } from '@nestjs/common';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { TenantDao } from '@bbws/data-access-tenants';
import { CLOCK, DYNAMO_CONTEXT } from '@bbws/platform-bootstrap';
import { EventPublisher } from '@bbws/platform-sqs';
import type { Clock } from '@bbws/shared-util';
import type { WorkersConfig } from '../config/workers.config';
import { TENANT_INSTANCES, WORKERS_CONFIG } from '../workers.tokens';
import { TenantLifecycleConsumer } from './tenant-events.consumer';
import type { TenantInstancesLifecycle } from './tenant-instances.port';
import { TenantLifecycleService } from './tenant-lifecycle.service';

/** `bbws-tenant-events`: the tenant lifecycle operation handler. */
@Module({
  providers: [
    {
      provide: TenantDao,
      useFactory: (db: DynamoContext, config: WorkersConfig) =>
        new TenantDao(db, { auditRetentionDays: config.auditRetentionDays }),
      inject: [DYNAMO_CONTEXT, WORKERS_CONFIG],
    },
    {
      provide: TenantLifecycleConsumer,
      useFactory: (
        tenants: TenantDao,
        events: EventPublisher,
        instances: TenantInstancesLifecycle | null,
        clock: Clock,
      ) => new TenantLifecycleConsumer(new TenantLifecycleService(tenants, events, instances, clock)),
      inject: [TenantDao, EventPublisher, TENANT_INSTANCES, CLOCK],
    },
  ],
  exports: [TenantLifecycleConsumer],
})
export class TenantEventsModule {}
