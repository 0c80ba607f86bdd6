import { Module } from '@nestjs/common';
import { HierarchyDao } from '@bbws/data-access-tenants';
import { TenantAccessService } from '@bbws/platform-auth';
import { CLOCK, provideClass } from '@bbws/platform-bootstrap';
import { OrganizationModule } from '../organization/organization.module';
import { OrganizationService } from '../organization/organization.service';
import { DivisionsController } from './divisions.controller';
import { GroupsController } from './groups.controller';
import { HierarchyTreeController } from './hierarchy-tree.controller';
import { HierarchyService } from './hierarchy.service';
import { TeamsController } from './teams.controller';

@Module({
  imports: [OrganizationModule],
  controllers: [HierarchyTreeController, DivisionsController, GroupsController, TeamsController],
  providers: [
    provideClass(HierarchyService, [HierarchyDao, OrganizationService, TenantAccessService, CLOCK]),
  ],
})
export class HierarchyModule {}
