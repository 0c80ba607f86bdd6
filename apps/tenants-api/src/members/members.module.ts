import { Module } from '@nestjs/common';
import { HierarchyDao, MemberDao } from '@bbws/data-access-tenants';
import { IDENTITY_DIRECTORY, type IdentityDirectory } from '@bbws/integrations-identity';
import { TenantAccessService } from '@bbws/platform-auth';
import { CLOCK } from '@bbws/platform-bootstrap';
import type { Clock } from '@bbws/shared-util';
import { OrganizationInfrastructureModule } from '../config/organization-infrastructure.module';
import { OrganizationService } from '../organization/organization.service';
import { MembersController } from './members.controller';
import { MembersService } from './members.service';
import { TeamMembersController } from './team-members.controller';

@Module({
  imports: [OrganizationInfrastructureModule],
  controllers: [MembersController, TeamMembersController],
  providers: [
    {
      provide: MembersService,
      useFactory: (
        members: MemberDao,
        hierarchy: HierarchyDao,
        organization: OrganizationService,
        identity: IdentityDirectory,
        access: TenantAccessService,
        clock: Clock,
      ) => new MembersService(members, hierarchy, organization, identity, access, clock),
      inject: [MemberDao, HierarchyDao, OrganizationService, IDENTITY_DIRECTORY, TenantAccessService, CLOCK],
    },
  ],
  exports: [MembersService],
})
export class MembersModule {}
