import { Module, type DynamicModule } from '@nestjs/common';
import { MembershipReaderDao } from '@bbws/data-access-memberships';
import type { ComputePort } from '@bbws/integrations-compute';
import { AuthModule } from '@bbws/platform-auth';
import { PlatformModule } from '@bbws/platform-bootstrap';
import { QueueReadiness } from '@bbws/platform-sqs';
import { IdempotencyModule } from '@bbws/platform-http';
import type { Clock } from '@bbws/shared-util';
import { resolveInstancesConfig, type InstancesApiConfig } from './config/instances-api.config';
import { InstancesModule } from './instances/instances.module';

export interface InstancesApiOptions {
  config: InstancesApiConfig;
  clock?: Clock;
  /** The compute port (tests pass a typed fake); by default the ECS/ELBv2 adapter from the config. */
  compute?: Pick<ComputePort, 'describeService'>;
}

@Module({})
export class AppModule {
  static register(options: InstancesApiOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forRoot({
          config: options.config,
          clock: options.clock,
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
        InstancesModule.register({
          config: resolveInstancesConfig(options.config),
          compute: options.compute,
        }),
      ],
    };
  }
}
