import { Module } from '@nestjs/common';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { InstanceReaderDao } from '@bbws/data-access-instances';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import { ResourceLockReader } from '@bbws/data-access-operations';
import { TenantDao } from '@bbws/data-access-tenants';
import { TenantAccessService } from '@bbws/platform-auth';
import { CLOCK, DYNAMO_CONTEXT } from '@bbws/platform-bootstrap';
import type { Clock } from '@bbws/shared-util';
import { EventsModule } from '../events/events.module';
import { TenantEventsPublisher } from '../events/tenant-events.publisher';
import { OrganizationModule } from '../organization/organization.module';
import { OrganizationService } from '../organization/organization.service';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

@Module({
  imports: [EventsModule, OrganizationModule],
  controllers: [TenantsController],
  providers: [
    {
      provide: ResourceLockReader,
      useFactory: (db: DynamoContext) => new ResourceLockReader(db),
      inject: [DYNAMO_CONTEXT],
    },
    {
      provide: InstanceReaderDao,
      useFactory: (db: DynamoContext) => new InstanceReaderDao(db),
      inject: [DYNAMO_CONTEXT],
    },
    {
      provide: TenantsService,
      useFactory: (
        tenants: TenantDao,
        memberships: MembershipReaderDao,
        instances: InstanceReaderDao,
        access: TenantAccessService,
        events: TenantEventsPublisher,
        locks: ResourceLockReader,
        organization: OrganizationService,
        clock: Clock,
      ) => new TenantsService(tenants, memberships, instances, access, events, locks, organization, clock),
      inject: [
        TenantDao,
        MembershipReaderDao,
        InstanceReaderDao,
        TenantAccessService,
        TenantEventsPublisher,
        ResourceLockReader,
        OrganizationService,
        CLOCK,
      ],
    },
  ],
  exports: [OrganizationModule, TenantsService],
})
export class TenantsModule {}
