import { Module, type DynamicModule } from '@nestjs/common';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import { S3ArtifactStore, type ArtifactStore } from '@bbws/integrations-artifacts';
import { AuthModule } from '@bbws/platform-auth';
import { PlatformModule } from '@bbws/platform-bootstrap';
import { IdempotencyModule } from '@bbws/platform-http';
import type { Clock } from '@bbws/shared-util';
import type { TemplatesApiConfig } from './config/templates-api.config';
import { TemplatesModule } from './templates/templates.module';

export interface TemplatesApiOptions {
  config: TemplatesApiConfig;
  clock?: Clock;
  /** By default the S3 artifact store from the config. */
  artifacts?: ArtifactStore;
}

@Module({})
export class AppModule {
  static register(options: TemplatesApiOptions): DynamicModule {
    const artifacts = options.artifacts ?? new S3ArtifactStore(options.config.artifacts);
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({ config: options.config, clock: options.clock, readinessTables: ['sites'] }),
        AuthModule.forMemberships(MembershipReaderDao),
        IdempotencyModule.forRoot({ idempotencyTable: 'sites' }),
        TemplatesModule.register({ artifacts }),
      ],
    };
  }
}
