import type { SQSClient } from '@aws-sdk/client-sqs';
import {
  Inject,
  Module,
  type BeforeApplicationShutdown,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { OperationDao, WebhookDao, WebhookDeliveryDao } from '@bbws/data-access-operations';
import { TenantDao } from '@bbws/data-access-tenants';
import { CLOCK, DYNAMO_CONTEXT, LOGGER, PlatformModule } from '@bbws/platform-bootstrap';
import {
  EventPublisher,
  MessageProducer,
  QueueDirectory,
  SQS_CLIENT,
  createSqsClient,
  newWorkerId,
} from '@bbws/platform-consumer';
import type { Logger } from '@bbws/shared-logging';
import type { Clock } from '@bbws/shared-util';
import type { WorkersConfig } from './config/workers.config';
import { WorkersRuntime } from './runtime/workers.runtime';
import { TenantLifecycleConsumer } from './tenant-events/tenant-events.consumer';
import type { TenantInstancesLifecycle } from './tenant-events/tenant-instances.port';
import { TenantLifecycleService } from './tenant-events/tenant-lifecycle.service';
import { WebhookDispatchService } from './webhooks/webhook-dispatch.service';
import { WebhooksConsumer } from './webhooks/webhooks.consumer';

export interface WorkersOptions {
  config: WorkersConfig;
  clock?: Clock;
  /** The instance fan-out of tenant lifecycle operations, once the instances feature provides it. */
  tenantInstances?: TenantInstancesLifecycle;
}

const WORKERS_CONFIG = Symbol('WORKERS_CONFIG');

/** Runs the consumers as part of the app's lifecycle: started at boot, drained on shutdown (SIGTERM). */
class WorkersLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(WorkersRuntime) private readonly runtime: WorkersRuntime,
    @Inject(SQS_CLIENT) private readonly sqs: SQSClient,
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

@Module({})
export class WorkersModule {
  static register(options: WorkersOptions): DynamicModule {
    const { config } = options;
    const sqs = createSqsClient({ region: config.region, endpoint: config.sqsEndpoint });
    const queues = new QueueDirectory(sqs, config.stage);
    const queueReadiness = config.workers.enabled
      .filter((name) => name !== 'sweeper')
      .map((name) => ({
        name: `queue:${name}`,
        check: async () => void (await queues.describe(name === 'webhooks' ? 'webhooks' : 'tenant-events')),
      }));
    return {
      module: WorkersModule,
      imports: [
        PlatformModule.forRoot({
          config,
          clock: options.clock,
          readinessTables: ['operations', 'tenants'],
          extraReadiness: queueReadiness,
        }),
      ],
      providers: [
        { provide: WORKERS_CONFIG, useValue: config },
        { provide: SQS_CLIENT, useValue: sqs },
        { provide: QueueDirectory, useValue: queues },
        { provide: MessageProducer, useFactory: () => new MessageProducer(sqs, queues) },
        {
          provide: EventPublisher,
          useFactory: (producer: MessageProducer, clock: Clock) => new EventPublisher(producer, clock),
          inject: [MessageProducer, CLOCK],
        },
        {
          provide: OperationDao,
          useFactory: (db: DynamoContext) =>
            new OperationDao(db, { terminalRetentionDays: config.workers.operationRetentionDays }),
          inject: [DYNAMO_CONTEXT],
        },
        {
          provide: WebhookDao,
          useFactory: (db: DynamoContext) => new WebhookDao(db),
          inject: [DYNAMO_CONTEXT],
        },
        {
          provide: WebhookDeliveryDao,
          useFactory: (db: DynamoContext) =>
            new WebhookDeliveryDao(db, { retentionDays: config.workers.webhooks.deliveryRetentionDays }),
          inject: [DYNAMO_CONTEXT],
        },
        {
          provide: TenantDao,
          useFactory: (db: DynamoContext) =>
            new TenantDao(db, { auditRetentionDays: config.auditRetentionDays }),
          inject: [DYNAMO_CONTEXT],
        },
        {
          provide: TenantLifecycleConsumer,
          useFactory: (tenants: TenantDao, events: EventPublisher, clock: Clock) =>
            new TenantLifecycleConsumer(
              new TenantLifecycleService(tenants, events, options.tenantInstances ?? null, clock),
            ),
          inject: [TenantDao, EventPublisher, CLOCK],
        },
        {
          provide: WebhooksConsumer,
          useFactory: (
            webhooks: WebhookDao,
            deliveries: WebhookDeliveryDao,
            producer: MessageProducer,
            clock: Clock,
          ) =>
            new WebhooksConsumer(
              new WebhookDispatchService(webhooks, deliveries, producer, clock, config.workers.webhooks),
            ),
          inject: [WebhookDao, WebhookDeliveryDao, MessageProducer, CLOCK],
        },
        {
          provide: WorkersRuntime,
          useFactory: (
            producer: MessageProducer,
            events: EventPublisher,
            operations: OperationDao,
            tenantLifecycle: TenantLifecycleConsumer,
            webhooks: WebhooksConsumer,
            clock: Clock,
            logger: Logger,
          ) =>
            new WorkersRuntime(config, config.workers.workerId ?? newWorkerId(), {
              sqs,
              queues,
              producer,
              events,
              operations,
              tenantLifecycle,
              webhooks,
              clock,
              logger,
            }),
          inject: [
            MessageProducer,
            EventPublisher,
            OperationDao,
            TenantLifecycleConsumer,
            WebhooksConsumer,
            CLOCK,
            LOGGER,
          ],
        },
        WorkersLifecycle,
      ],
      exports: [WorkersRuntime],
    };
  }
}
