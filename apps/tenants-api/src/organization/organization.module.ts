import { Module } from '@nestjs/common';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { HierarchyDao, TenantDao } from '@bbws/data-access-tenants';
import { CLOCK, DYNAMO_CONTEXT, PLATFORM_CONFIG, type PlatformConfig } from '@bbws/platform-bootstrap';
import type { Clock } from '@bbws/shared-util';
import { OrganizationService } from './organization.service';

/** The tenant and hierarchy DAOs and the tenant rules every organization feature shares. */
@Module({
  providers: [
    {
      provide: TenantDao,
      useFactory: (db: DynamoContext, config: PlatformConfig) =>
        new TenantDao(db, { auditRetentionDays: config.auditRetentionDays }),
      inject: [DYNAMO_CONTEXT, PLATFORM_CONFIG],
    },
    {
      provide: HierarchyDao,
      useFactory: (db: DynamoContext, tenants: TenantDao) => new HierarchyDao(db, tenants),
      inject: [DYNAMO_CONTEXT, TenantDao],
    },
    {
      provide: OrganizationService,
      useFactory: (tenants: TenantDao, hierarchy: HierarchyDao, clock: Clock) =>
        new OrganizationService(tenants, hierarchy, clock),
      inject: [TenantDao, HierarchyDao, CLOCK],
    },
  ],
  exports: [TenantDao, HierarchyDao, OrganizationService],
})
export class OrganizationModule {}
