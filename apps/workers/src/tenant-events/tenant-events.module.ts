import { Module } from '@nestjs/common';
import { TenantDao } from '@bbws/data-access-tenants';
import { CLOCK, DYNAMO_CONTEXT, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { EventPublisher } from '@bbws/platform-sqs';
import { TENANT_INSTANCES, WORKERS_CONFIG } from '../workers.tokens';
import { TenantLifecycleConsumer } from './tenant-events.consumer';
import { TenantLifecycleService } from './tenant-lifecycle.service';

/** `bbws-tenant-events`: the tenant lifecycle operation handler. */
@Module({
  providers: [
    provideFactory(
      TenantDao,
      [DYNAMO_CONTEXT, WORKERS_CONFIG],
      (db, config) => new TenantDao(db, { auditRetentionDays: config.auditRetentionDays }),
    ),
    provideClass(TenantLifecycleService, [TenantDao, EventPublisher, TENANT_INSTANCES, CLOCK]),
    provideClass(TenantLifecycleConsumer, [TenantLifecycleService]),
  ],
  exports: [TenantLifecycleConsumer],
})
export class TenantEventsModule {}
