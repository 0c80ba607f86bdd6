import { Module, type DynamicModule } from '@nestjs/common';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import { AuthModule } from '@bbws/platform-auth';
import { PlatformModule } from '@bbws/platform-bootstrap';
import { IdempotencyModule } from '@bbws/platform-http';
import type { Clock } from '@bbws/shared-util';
import type { OperationsApiConfig } from './config/operations-api.config';
import { OperationsModule } from './operations/operations.module';
import { WebhooksModule } from './webhooks/webhooks.module';

export interface OperationsApiOptions {
  config: OperationsApiConfig;
  clock?: Clock;
}

@Module({})
export class AppModule {
  static register(options: OperationsApiOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config: options.config,
          clock: options.clock,
          readinessTables: ['operations', 'tenants'],
        }),
        AuthModule.forMemberships(MembershipReaderDao),
        IdempotencyModule.forRoot({ idempotencyTable: 'operations' }),
        OperationsModule,
        WebhooksModule,
      ],
    };
  }
}
