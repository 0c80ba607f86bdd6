import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { createDocumentClient, createDynamoClient, type DynamoContext, type TableKey } from '@bbws/data-access-dynamo';
import { CursorCodec } from '@bbws/shared-hateoas';
import { createLogger, type Logger } from '@bbws/shared-logging';
import { systemClock, type Clock } from '@bbws/shared-util';
import { HealthController } from './health.controller';
import type { PlatformConfig } from './platform-config';
import { CLOCK, DYNAMO_CONTEXT, LOGGER, PLATFORM_CONFIG, READINESS_CHECKS, type ReadinessCheck } from './tokens';

export interface PlatformModuleOptions {
  config: PlatformConfig;
  /** Tables this service needs reachable for `/ready`. */
  readinessTables: TableKey[];
  clock?: Clock;
  logger?: Logger;
  extraReadiness?: ReadinessCheck[];
}

/** Config, logger, clock and the DynamoDB context for every app, plus `/health` and `/ready`. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    const { config } = options;
    const dynamo = createDynamoClient({ region: config.region, endpoint: config.dynamoEndpoint });
    const context: DynamoContext = {
      client: createDocumentClient(dynamo),
      tables: config.tables,
      cursors: new CursorCodec(config.cursorSecret),
      clock: options.clock ?? systemClock,
    };
    const readiness: ReadinessCheck[] = [
      ...options.readinessTables.map((key) => ({
        name: `table:${config.tables[key]}`,
        check: async () => {
          await dynamo.send(new DescribeTableCommand({ TableName: config.tables[key] }));
        },
      })),
      ...(options.extraReadiness ?? []),
    ];
    const providers: Provider[] = [
      { provide: PLATFORM_CONFIG, useValue: config },
      { provide: DYNAMO_CONTEXT, useValue: context },
      { provide: CLOCK, useValue: context.clock },
      { provide: LOGGER, useValue: options.logger ?? createLogger({ name: config.service, level: config.logLevel }) },
      { provide: READINESS_CHECKS, useValue: readiness },
    ];
    return {
      module: PlatformModule,
      controllers: [HealthController],
      providers,
      exports: providers,
    };
  }
}
