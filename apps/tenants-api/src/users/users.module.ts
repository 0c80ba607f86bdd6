import { Module } from '@nestjs/common';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import { TenantDao } from '@bbws/data-access-tenants';
import { IDENTITY_DIRECTORY, type IdentityDirectory } from '@bbws/integrations-identity';
import { OrganizationInfrastructureModule } from '../config/organization-infrastructure.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [OrganizationInfrastructureModule],
  controllers: [UsersController],
  providers: [
    {
      provide: UsersService,
      useFactory: (identity: IdentityDirectory, memberships: MembershipReaderDao, tenants: TenantDao) =>
        new UsersService(identity, memberships, tenants),
      inject: [IDENTITY_DIRECTORY, MembershipReaderDao, TenantDao],
    },
  ],
})
export class UsersModule {}
