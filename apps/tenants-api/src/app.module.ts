import { Module, type DynamicModule } from '@nestjs/common';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import { AuthModule } from '@bbws/platform-auth';
import { PlatformModule } from '@bbws/platform-bootstrap';
import { QueueReadiness } from '@bbws/platform-sqs';
import { IdempotencyModule } from '@bbws/platform-http';
import type { Clock } from '@bbws/shared-util';
import type { TenantsApiConfig } from './config/tenants-api.config';
import { TenantsModule } from './tenants/tenants.module';
import { HierarchyModule } from './hierarchy/hierarchy.module';
import { MembersModule } from './members/members.module';
import { UsersModule } from './users/users.module';
import { InvitationsModule } from './invitations/invitations.module';
import { LifecycleModule } from './lifecycle/lifecycle.module';

export interface TenantsApiOptions {
  config: TenantsApiConfig;
  clock?: Clock;
}

@Module({})
export class AppModule {
  static register(options: TenantsApiOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config: options.config,
          clock: options.clock,
          readinessTables: ['tenants'],
          readiness: [new QueueReadiness(options.config, ['tenant-events', 'webhooks'])],
        }),
        AuthModule.forMemberships(MembershipReaderDao),
        IdempotencyModule.forRoot({ idempotencyTable: 'tenants' }),
        TenantsModule,
        HierarchyModule,
        MembersModule,
        UsersModule,
        InvitationsModule,
        LifecycleModule,
      ],
    };
  }
}
