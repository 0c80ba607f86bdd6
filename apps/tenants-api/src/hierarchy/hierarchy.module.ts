import { Module } from '@nestjs/common';
import { HierarchyDao, TenantDao } from '@bbws/data-access-tenants';
import { TenantAccessService } from '@bbws/platform-auth';
import { CLOCK } from '@bbws/platform-bootstrap';
import type { Clock } from '@bbws/shared-util';
import { OrganizationInfrastructureModule } from '../config/organization-infrastructure.module';
import { DivisionsController } from './divisions.controller';
import { GroupsController } from './groups.controller';
import { HierarchyTreeController } from './hierarchy-tree.controller';
import { HierarchyService } from './hierarchy.service';
import { TeamsController } from './teams.controller';

@Module({
  imports: [OrganizationInfrastructureModule],
  controllers: [HierarchyTreeController, DivisionsController, GroupsController, TeamsController],
  providers: [
    {
      provide: HierarchyService,
      useFactory: (hierarchy: HierarchyDao, tenants: TenantDao, access: TenantAccessService, clock: Clock) =>
        new HierarchyService(hierarchy, tenants, access, clock),
      inject: [HierarchyDao, TenantDao, TenantAccessService, CLOCK],
    },
  ],
})
export class HierarchyModule {}
