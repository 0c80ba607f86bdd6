import { Module } from '@nestjs/common';
import { TenantDao } from '@bbws/data-access-tenants';
import { CLOCK, provideClass } from '@bbws/platform-bootstrap';
import { EventPublisher } from '@bbws/platform-sqs';
import { TENANT_INSTANCES } from '../workers.tokens';
import { TenantLifecycleConsumer } from './tenant-events.consumer';
import { TenantLifecycleService } from './tenant-lifecycle.service';

/** `bbws-tenant-events`: the tenant lifecycle operation handler (the DAOs and ports come from the infrastructure module). */
@Module({
  providers: [
    provideClass(TenantLifecycleService, [TenantDao, EventPublisher, TENANT_INSTANCES, CLOCK]),
    provideClass(TenantLifecycleConsumer, [TenantLifecycleService]),
  ],
  exports: [TenantLifecycleConsumer],
})
export class TenantEventsModule {}
