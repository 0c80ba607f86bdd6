import { Module, type DynamicModule } from '@nestjs/common';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import { AuthModule } from '@bbws/platform-auth';
import { PlatformModule } from '@bbws/platform-bootstrap';
import { QueueReadiness } from '@bbws/platform-sqs';
import { IdempotencyModule } from '@bbws/platform-http';
import type { Clock } from '@bbws/shared-util';
import { resolveSitesConfig, type SitesApiConfig } from './config/sites-api.config';
import { SitesModule } from './sites/sites.module';

export interface SitesApiOptions {
  config: SitesApiConfig;
  clock?: Clock;
}

@Module({})
export class AppModule {
  static register(options: SitesApiOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config: options.config,
          clock: options.clock,
          readinessTables: ['sites', 'instances', 'tenants', 'operations'],
          readiness: [new QueueReadiness(options.config, ['site-creation', 'site-update', 'site-deletion'])],
        }),
        AuthModule.forMemberships(MembershipReaderDao),
        IdempotencyModule.forRoot({ idempotencyTable: 'sites' }),
        SitesModule.register({ config: resolveSitesConfig(options.config) }),
      ],
    };
  }
}
