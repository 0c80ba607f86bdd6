import { Module, type DynamicModule } from '@nestjs/common';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import { AuthModule } from '@bbws/platform-auth';
import { PlatformModule, type PlatformConfig } from '@bbws/platform-bootstrap';
import { QueueReadiness } from '@bbws/platform-sqs';
import { IdempotencyModule } from '@bbws/platform-http';

@Module({})
export class AppModule {
  static register(options: { config: PlatformConfig }): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config: options.config,
          readinessTables: ['instances', 'tenants', 'operations'],
          readiness: [
            new QueueReadiness(options.config, [
              'instance-provision',
              'instance-lifecycle',
              'instance-deprovision',
            ]),
          ],
        }),
        AuthModule.forMemberships(MembershipReaderDao),
        IdempotencyModule.forRoot({ idempotencyTable: 'instances' }),
      ],
    };
  }
}
