import { Global, Module, type DynamicModule } from '@nestjs/common';
import { InstanceDao } from '@bbws/data-access-instances';
import { OperationDao } from '@bbws/data-access-operations';
import { TenantDao } from '@bbws/data-access-tenants';
import {
  CLOCK,
  DYNAMO_CONTEXT,
  LOGGER,
  provideClass,
  provideFactory,
  provideValue,
} from '@bbws/platform-bootstrap';
import { OperationLauncher } from '@bbws/platform-operations';
import {
  EventPublisher,
  MessageProducer,
  QueueDirectory,
  SQS_CLIENT,
  type SqsClient,
} from '@bbws/platform-sqs';
import type { WorkersConfig } from './config/workers.config';
import { TenantActivationService } from './tenant-events/tenant-activation.service';
import { TenantInstancesFanOut, type FanOutOptions } from './tenant-events/tenant-instances.fan-out';
import type { TenantInstancesLifecycle } from './tenant-events/tenant-instances.port';
import { TENANT_ACTIVATION, TENANT_INSTANCES, WORKERS_CONFIG } from './workers.tokens';

/** How the tenant fan-out follows its instance operations (tests shorten it). */
export const DEFAULT_FAN_OUT: FanOutOptions = { pollIntervalMs: 1000, timeoutMs: 240_000 };

/**
 * What every worker feature may use: config, SQS (client, queues, producer, events), the operations store
 * and launcher, the tenant and instance DAOs, and the tenant <-> instance ports (the fan-out of tenant
 * lifecycle operations to instance operations; tenant activation by its first ACTIVE instance).
 */
@Global()
@Module({})
export class WorkersInfrastructureModule {
  static register(
    config: WorkersConfig,
    sqs: SqsClient,
    queues: QueueDirectory,
    tenantInstances: TenantInstancesLifecycle | undefined,
    fanOut: FanOutOptions = DEFAULT_FAN_OUT,
  ): DynamicModule {
    const providers = [
      provideValue(WORKERS_CONFIG, config),
      provideValue(SQS_CLIENT, sqs),
      provideValue(QueueDirectory, queues),
      provideClass(MessageProducer, [SQS_CLIENT, QueueDirectory]),
      provideClass(EventPublisher, [MessageProducer, CLOCK]),
      provideFactory(
        OperationDao,
        [DYNAMO_CONTEXT, WORKERS_CONFIG],
        (db, { workers }) => new OperationDao(db, { terminalRetentionDays: workers.operationRetentionDays }),
      ),
      provideClass(OperationLauncher, [OperationDao, MessageProducer, CLOCK, LOGGER]),
      provideFactory(
        TenantDao,
        [DYNAMO_CONTEXT, WORKERS_CONFIG],
        (db, { auditRetentionDays }) => new TenantDao(db, { auditRetentionDays }),
      ),
      provideClass(InstanceDao, [DYNAMO_CONTEXT]),
      provideFactory(
        TENANT_INSTANCES,
        [InstanceDao, OperationDao, OperationLauncher],
        (instances, operations, launcher) =>
          tenantInstances ?? new TenantInstancesFanOut(instances, operations, launcher, fanOut),
      ),
      provideFactory(
        TENANT_ACTIVATION,
        [TenantDao, EventPublisher, CLOCK],
        (tenants, events, clock) => new TenantActivationService(tenants, events, clock),
      ),
    ];
    return {
      module: WorkersInfrastructureModule,
      providers,
      exports: providers.map((provider) => provider.provide),
    };
  }
}
