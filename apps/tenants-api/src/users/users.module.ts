import { Module } from '@nestjs/common';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import { TenantDao } from '@bbws/data-access-tenants';
import { IDENTITY_DIRECTORY, type IdentityDirectory } from '@bbws/integrations-identity';
import { TenantAccessService } from '@bbws/platform-auth';
import { OrganizationInfrastructureModule } from '../config/organization-infrastructure.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [OrganizationInfrastructureModule],
  controllers: [UsersController],
  providers: [
    {
      provide: UsersService,
      useFactory: (
        identity: IdentityDirectory,
        memberships: MembershipReaderDao,
        tenants: TenantDao,
        access: TenantAccessService,
      ) => new UsersService(identity, memberships, tenants, access),
      inject: [IDENTITY_DIRECTORY, MembershipReaderDao, TenantDao, TenantAccessService],
    },
  ],
})
export class UsersModule {}
