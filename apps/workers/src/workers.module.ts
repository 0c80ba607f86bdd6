import {
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OperationDao } from '@bbws/data-access-operations';
import { CLOCK, LOGGER, PlatformModule, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import {
  EventPublisher,
  QueueDirectory,
  SQS_CLIENT,
  createSqsClient,
  newWorkerId,
  type SqsClient,
} from '@bbws/platform-sqs';
import type { Clock } from '@bbws/shared-util';
import type { WorkersConfig } from './config/workers.config';
import { WORKER_REGISTRY } from './runtime/worker-registry';
import { WorkersRuntime } from './runtime/workers.runtime';
import type { FanOutOptions } from './tenant-events/tenant-instances.fan-out';
import type { TenantInstancesLifecycle } from './tenant-events/tenant-instances.port';
import { WorkersInfrastructureModule } from './workers-infrastructure.module';

export interface WorkersOptions {
  config: WorkersConfig;
  clock?: Clock;
  /** Replaces the instance fan-out of tenant lifecycle operations (tests). */
  tenantInstances?: TenantInstancesLifecycle;
  /** How the fan-out follows its instance operations (tests shorten it). */
  fanOut?: FanOutOptions;
}

/** Runs the consumers as part of the app's lifecycle: started at boot, drained on shutdown (SIGTERM). */
class WorkersLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    private readonly runtime: WorkersRuntime,
    private readonly sqs: SqsClient,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.runtime.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.runtime.stop();
  }

  onApplicationShutdown(): void {
    this.sqs.destroy();
  }
}

/** The workers app: the registry's enabled workers, their feature modules, `/ready` of their queues. */
@Module({})
export class WorkersModule {
  static register(options: WorkersOptions): DynamicModule {
    const { config } = options;
    const sqs = createSqsClient({ region: config.region, endpoint: config.sqsEndpoint });
    const queues = new QueueDirectory(sqs, config.stage);
    const enabled = WORKER_REGISTRY.filter((worker) => config.workers.enabled.includes(worker.name));
    const queueReadiness = enabled.flatMap((worker) =>
      worker.queue === null
        ? []
        : [{ name: `queue:${worker.name}`, check: async () => void (await queues.describe(worker.queue)) }],
    );
    return {
      module: WorkersModule,
      imports: [
        PlatformModule.forRoot({
          config,
          clock: options.clock,
          readinessTables: ['operations', 'tenants', 'instances'],
          readiness: [{ checks: queueReadiness }],
        }),
        WorkersInfrastructureModule.register(config, sqs, queues, options.tenantInstances, options.fanOut),
        ...enabled.map((worker) => worker.module),
      ],
      providers: [
        provideFactory(
          WorkersRuntime,
          [ModuleRef, EventPublisher, OperationDao, CLOCK, LOGGER],
          (modules, events, operations, clock, logger) =>
            new WorkersRuntime(config, config.workers.workerId ?? newWorkerId(), {
              sqs,
              queues,
              events,
              operations,
              resolve: (handler) => modules.get(handler, { strict: false }),
              clock,
              logger,
            }),
        ),
        provideClass(WorkersLifecycle, [WorkersRuntime, SQS_CLIENT]),
      ],
      exports: [WorkersRuntime],
    };
  }
}
