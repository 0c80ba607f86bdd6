import { Module } from '@nestjs/common';
import { HierarchyDao, MemberDao } from '@bbws/data-access-tenants';
import { IDENTITY_DIRECTORY } from '@bbws/integrations-identity';
import { TenantAccessService } from '@bbws/platform-auth';
import { CLOCK, provideClass } from '@bbws/platform-bootstrap';
import { OrganizationInfrastructureModule } from '../organization/organization-infrastructure.module';
import { OrganizationService } from '../organization/organization.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { TeamMembersController } from './team-members.controller';

@Module({
  imports: [OrganizationInfrastructureModule],
  controllers: [MembersController, TeamMembersController],
  providers: [
    provideClass(MembersService, [
      MemberDao,
      HierarchyDao,
      OrganizationService,
      IDENTITY_DIRECTORY,
      TenantAccessService,
      CLOCK,
    ]),
  ],
  exports: [MembersService],
})
export class MembersModule {}
