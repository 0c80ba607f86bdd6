import { Module } from '@nestjs/common';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import { TenantDao } from '@bbws/data-access-tenants';
import { IDENTITY_DIRECTORY } from '@bbws/integrations-identity';
import { provideClass } from '@bbws/platform-bootstrap';
import { OrganizationInfrastructureModule } from '../organization/organization-infrastructure.module';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [OrganizationInfrastructureModule],
  controllers: [UsersController],
  providers: [provideClass(UsersService, [IDENTITY_DIRECTORY, MembershipReaderDao, TenantDao])],
})
export class UsersModule {}
