import { Module } from '@nestjs/common';
import { InstanceReaderDao } from '@bbws/data-access-instances';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import { ResourceLockReader } from '@bbws/data-access-operations';
import { TenantDao } from '@bbws/data-access-tenants';
import { TenantAccessService } from '@bbws/platform-auth';
import { CLOCK, DYNAMO_CONTEXT, provideClass } from '@bbws/platform-bootstrap';
import { TenantEventsModule } from '../events/tenant-events.module';
import { TenantEventsPublisher } from '../events/tenant-events.publisher';
import { OrganizationModule } from '../organization/organization.module';
import { OrganizationService } from '../organization/organization.service';
import { TenantsController } from './tenants.controller';
import { TenantsService } from './tenants.service';

@Module({
  imports: [TenantEventsModule, OrganizationModule],
  controllers: [TenantsController],
  providers: [
    provideClass(ResourceLockReader, [DYNAMO_CONTEXT]),
    provideClass(InstanceReaderDao, [DYNAMO_CONTEXT]),
    provideClass(TenantsService, [
      TenantDao,
      MembershipReaderDao,
      InstanceReaderDao,
      TenantAccessService,
      TenantEventsPublisher,
      ResourceLockReader,
      OrganizationService,
      CLOCK,
    ]),
  ],
  exports: [OrganizationModule, TenantsService],
})
export class TenantsModule {}
