import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { createDocumentClient, createDynamoClient, type DynamoContext, type TableKey } from '@bbws/data-access-dynamo';
import { CursorCodec } from '@bbws/shared-hateoas';
import type { QueueKey } from '@bbws/shared-contracts';
import { createLogger, type Logger } from '@bbws/shared-logging';
import { systemClock, type Clock } from '@bbws/shared-util';
import { HealthController } from './health.controller';
import type { PlatformConfig } from './platform-config';
import { QueueReadiness } from './queue-readiness';
import { CLOCK, DYNAMO_CONTEXT, LOGGER, PLATFORM_CONFIG, READINESS_CHECKS, type ReadinessCheck } from './tokens';

export interface PlatformModuleOptions {
  config: PlatformConfig;
  /** Tables this service needs reachable for `/ready`. */
  readinessTables: TableKey[];
  /** Queues this service sends to or consumes, also checked by `/ready`. */
  readinessQueues?: QueueKey[];
  clock?: Clock;
  logger?: Logger;
  extraReadiness?: ReadinessCheck[];
}

/** Config, logger, clock and the DynamoDB context for every app, plus `/health` and `/ready`. */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(@Inject(QueueReadiness) private readonly queues: QueueReadiness) {}

  onApplicationShutdown(): void {
    this.queues.close();
  }

  static forRoot(options: PlatformModuleOptions): DynamicModule {
    const { config } = options;
    const dynamo = createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint });
    const context: DynamoContext = {
      client: createDocumentClient(dynamo),
      tables: config.tables,
      cursors: new CursorCodec(config.cursorSecret),
      clock: options.clock ?? systemClock,
    };
    const queues = new QueueReadiness(config, options.readinessQueues ?? []);
    const readiness: ReadinessCheck[] = [
      ...options.readinessTables.map((key) => ({
        name: `table:${config.tables[key]}`,
        check: async () => {
          await dynamo.send(new DescribeTableCommand({ TableName: config.tables[key] }));
        },
      })),
      ...queues.checks,
      ...(options.extraReadiness ?? []),
    ];
    const providers: Provider[] = [
      { provide: PLATFORM_CONFIG, useValue: config },
      { provide: DYNAMO_CONTEXT, useValue: context },
      { provide: CLOCK, useValue: context.clock },
      { provide: LOGGER, useValue: options.logger ?? createLogger({ name: config.service, level: config.logLevel }) },
      { provide: READINESS_CHECKS, useValue: readiness },
      { provide: QueueReadiness, useValue: queues },
    ];
    return {
      module: PlatformModule,
      controllers: [HealthController],
      providers,
      exports: providers,
    };
  }
}
