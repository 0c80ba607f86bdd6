import { Module, type DynamicModule } from '@nestjs/common';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import { S3ArtifactStore, type ArtifactStore } from '@bbws/integrations-artifacts';
import { AuthModule } from '@bbws/platform-auth';
import { PlatformModule } from '@bbws/platform-bootstrap';
import { QueueReadiness } from '@bbws/platform-sqs';
import { IdempotencyModule } from '@bbws/platform-http';
import type { Clock } from '@bbws/shared-util';
import { resolveSitesConfig, type SitesApiConfig } from './config/sites-api.config';
import { SiteBackupsModule } from './site-backups/site-backups.module';
import { SiteHealthModule } from './site-health/site-health.module';
import { SitePluginsModule } from './site-plugins/site-plugins.module';
import { SitesModule } from './sites/sites.module';

export interface SitesApiOptions {
  config: SitesApiConfig;
  clock?: Clock;
  /** By default the S3 artifact store from the config (backups). */
  artifacts?: ArtifactStore;
}

@Module({})
export class AppModule {
  static register(options: SitesApiOptions): DynamicModule {
    const sites = resolveSitesConfig(options.config);
    const artifacts = options.artifacts ?? new S3ArtifactStore(sites.artifacts);
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
        SitesModule.register({ config: sites }),
        SiteBackupsModule.register({ artifacts }),
        SitePluginsModule.register(options.config, sites.environments),
        SiteHealthModule.register(options.config, sites.environments),
      ],
    };
  }
}
