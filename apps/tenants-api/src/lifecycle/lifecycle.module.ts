import { Module } from '@nestjs/common';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { OperationDao } from '@bbws/data-access-operations';
import { CLOCK, DYNAMO_CONTEXT, LOGGER } from '@bbws/platform-bootstrap';
import { OperationLauncher } from '@bbws/platform-operations';
import { MessageProducer, ProducerModule } from '@bbws/platform-sqs';
import type { Logger } from '@bbws/shared-logging';
import type { Clock } from '@bbws/shared-util';
import { OrganizationService } from '../organization/organization.service';
import { TenantsModule } from '../tenants/tenants.module';
import { LifecycleController } from './lifecycle.controller';
import { LifecycleService } from './lifecycle.service';

/** Tenant suspend / resume / park / unpark, accepted as operations for the tenant-events worker. */
@Module({
  imports: [TenantsModule, ProducerModule],
  controllers: [LifecycleController],
  providers: [
    {
      provide: OperationDao,
      useFactory: (db: DynamoContext) => new OperationDao(db),
      inject: [DYNAMO_CONTEXT],
    },
    {
      provide: OperationLauncher,
      useFactory: (operations: OperationDao, producer: MessageProducer, clock: Clock, logger: Logger) =>
        new OperationLauncher(operations, producer, clock, logger),
      inject: [OperationDao, MessageProducer, CLOCK, LOGGER],
    },
    {
      provide: LifecycleService,
      useFactory: (organization: OrganizationService, launcher: OperationLauncher) =>
        new LifecycleService(organization, launcher),
      inject: [OrganizationService, OperationLauncher],
    },
  ],
})
export class LifecycleModule {}
