import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@bbws/platform-auth';
import { PlatformModule, type PlatformConfig } from '@bbws/platform-bootstrap';
import { HttpConventionsModule } from '@bbws/platform-http';

@Module({})
export class AppModule {
  static register(options: { config: PlatformConfig }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config: options.config,
          readinessTables: ['sites', 'instances', 'operations'],
          readinessQueues: ['site-creation', 'site-update', 'site-deletion'],
        }),
        AuthModule,
        HttpConventionsModule.forRoot({ idempotencyTable: 'sites' }),
      ],
    };
  }
}
