import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { OperationDao } from '@bbws/data-access-operations';
import { CLOCK, DYNAMO_CONTEXT } from '@bbws/platform-bootstrap';
import {
  EventPublisher,
  MessageProducer,
  QueueDirectory,
  SQS_CLIENT,
  type SqsClient,
} from '@bbws/platform-sqs';
import type { Clock } from '@bbws/shared-util';
import type { WorkersConfig } from './config/workers.config';
import type { TenantInstancesLifecycle } from './tenant-events/tenant-instances.port';
import { TENANT_INSTANCES, WORKERS_CONFIG } from './workers.tokens';

/** What every worker feature may use: config, SQS (client, queues, producer, events) and the operations store. */
@Global()
@Module({})
export class WorkersCoreModule {
  static register(
    config: WorkersConfig,
    sqs: SqsClient,
    queues: QueueDirectory,
    tenantInstances: TenantInstancesLifecycle | null,
  ): DynamicModule {
    const providers = [
      { provide: WORKERS_CONFIG, useValue: config },
      { provide: TENANT_INSTANCES, useValue: tenantInstances },
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
    ];
    return { module: WorkersCoreModule, providers, exports: providers.map((provider) => provider.provide) };
  }
}
