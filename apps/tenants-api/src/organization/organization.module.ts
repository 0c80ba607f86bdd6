import { Module } from '@nestjs/common';
import { HierarchyDao, TenantDao } from '@bbws/data-access-tenants';
import {
  CLOCK,
  DYNAMO_CONTEXT,
  PLATFORM_CONFIG,
  provideClass,
  provideFactory,
} from '@bbws/platform-bootstrap';
import { OrganizationService } from './organization.service';

/** The tenant and hierarchy DAOs and the tenant rules every organization feature shares. */
@Module({
  providers: [
    provideFactory(
      TenantDao,
      [DYNAMO_CONTEXT, PLATFORM_CONFIG],
      (db, config) => new TenantDao(db, { auditRetentionDays: config.auditRetentionDays }),
    ),
    provideClass(HierarchyDao, [DYNAMO_CONTEXT, TenantDao]),
    provideClass(OrganizationService, [TenantDao, HierarchyDao, CLOCK]),
  ],
  exports: [TenantDao, HierarchyDao, OrganizationService],
})
export class OrganizationModule {}
