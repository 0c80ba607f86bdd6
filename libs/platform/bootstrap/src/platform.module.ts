import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import {
  createDocumentClient,
  createDynamoClient,
  tableReadinessChecks,
  type DynamoContext,
  type TableKey,
} from '@bbws/data-access-dynamo';
import { CursorCodec } from '@bbws/shared-hateoas';
import { createLogger, type Logger } from '@bbws/shared-logging';
import { systemClock, token, type Clock } from '@bbws/shared-util';
import { HealthController } from './health.controller';
import type { PlatformConfig } from './platform-config';
import { provideValue } from './provide-class';
import {
  CLOCK,
  DYNAMO_CONTEXT,
  LOGGER,
  PLATFORM_CONFIG,
  READINESS_CHECKS,
  type ReadinessCheck,
  type ReadinessProbe,
} from './tokens';

export interface PlatformModuleOptions {
  config: PlatformConfig;
  /** Tables this service needs reachable for `/ready`. */
  readinessTables: TableKey[];
  /** Further `/ready` checks (e.g. `new QueueReadiness(config, [...])` of the queues it uses). */
  readiness?: ReadinessProbe[];
  clock?: Clock;
  logger?: Logger;
}

const READINESS_PROBES = token<ReadinessProbe[]>('READINESS_PROBES');

/** Config, logger, clock and the DynamoDB context for every app, plus `/health` and `/ready`. */
@Global()
@Module({})
export class PlatformModule implements OnApplicationShutdown {
  constructor(@Inject(READINESS_PROBES) private readonly probes: ReadinessProbe[]) {}

  onApplicationShutdown(): void {
    for (const probe of this.probes) probe.close?.();
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
    const probes = options.readiness ?? [];
    const readiness: ReadinessCheck[] = [
      ...tableReadinessChecks(dynamo, config.tables, options.readinessTables),
      ...probes.flatMap((probe) => probe.checks),
    ];
    const providers: Provider[] = [
      provideValue(PLATFORM_CONFIG, config),
      provideValue(DYNAMO_CONTEXT, context),
      provideValue(CLOCK, context.clock),
      provideValue(LOGGER, options.logger ?? createLogger({ name: config.service, level: config.logLevel })),
      provideValue(READINESS_CHECKS, readiness),
      provideValue(READINESS_PROBES, probes),
    ];
    return {
      module: PlatformModule,
      controllers: [HealthController],
      providers,
      exports: providers,
    };
  }
}
