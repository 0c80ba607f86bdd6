import { Module, type DynamicModule } from '@nestjs/common';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import { S3ArtifactStore, type ArtifactStore } from '@bbws/integrations-artifacts';
import { AuthModule } from '@bbws/platform-auth';
import { PlatformModule } from '@bbws/platform-bootstrap';
import { IdempotencyModule } from '@bbws/platform-http';
import type { Clock } from '@bbws/shared-util';
import type { PluginsApiConfig } from './config/plugins-api.config';
import { PluginsModule } from './plugins/plugins.module';
import { VulnerabilitiesModule } from './vulnerabilities/vulnerabilities.module';

export interface PluginsApiOptions {
  config: PluginsApiConfig;
  clock?: Clock;
  /** By default the S3 artifact store from the config. */
  artifacts?: ArtifactStore;
}

@Module({})
export class AppModule {
  static register(options: PluginsApiOptions): DynamicModule {
    const artifacts = options.artifacts ?? new S3ArtifactStore(options.config.artifacts);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config: options.config, clock: options.clock, readinessTables: ['sites'] }),
        AuthModule.forMemberships(MembershipReaderDao),
        IdempotencyModule.forRoot({ idempotencyTable: 'sites' }),
        PluginsModule.register({ artifacts }),
        VulnerabilitiesModule.register({ artifacts }),
      ],
    };
  }
}
