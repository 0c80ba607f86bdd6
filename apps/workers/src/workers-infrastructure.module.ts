import { Global, Module, type DynamicModule } from '@nestjs/common';
import { OperationDao } from '@bbws/data-access-operations';
import { CLOCK, DYNAMO_CONTEXT, provideClass, provideFactory, provideValue } from '@bbws/platform-bootstrap';
import {
  EventPublisher,
  MessageProducer,
  QueueDirectory,
  SQS_CLIENT,
  type SqsClient,
} from '@bbws/platform-sqs';
import type { WorkersConfig } from './config/workers.config';
import type { TenantInstancesLifecycle } from './tenant-events/tenant-instances.port';
import { TENANT_INSTANCES, WORKERS_CONFIG } from './workers.tokens';

/** What every worker feature may use: config, SQS (client, queues, producer, events) and the operations store. */
@Global()
@Module({})
export class WorkersInfrastructureModule {
  static register(
    config: WorkersConfig,
    sqs: SqsClient,
    queues: QueueDirectory,
    tenantInstances: TenantInstancesLifecycle | null,
  ): DynamicModule {
    const providers = [
      provideValue(WORKERS_CONFIG, config),
      provideValue(TENANT_INSTANCES, tenantInstances),
      provideValue(SQS_CLIENT, sqs),
      provideValue(QueueDirectory, queues),
      provideClass(MessageProducer, [SQS_CLIENT, QueueDirectory]),
      provideClass(EventPublisher, [MessageProducer, CLOCK]),
      provideFactory(
        OperationDao,
        [DYNAMO_CONTEXT, WORKERS_CONFIG],
        (db, { workers }) => new OperationDao(db, { terminalRetentionDays: workers.operationRetentionDays }),
      ),
    ];
    return {
      module: WorkersInfrastructureModule,
      providers,
      exports: providers.map((provider) => provider.provide),
    };
  }
}
