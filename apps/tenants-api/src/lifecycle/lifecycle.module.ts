import { Module } from '@nestjs/common';
import { OperationDao } from '@bbws/data-access-operations';
import { CLOCK, DYNAMO_CONTEXT, LOGGER, provideClass } from '@bbws/platform-bootstrap';
import { OperationLauncher } from '@bbws/platform-operations';
import { MessageProducer, ProducerModule } from '@bbws/platform-sqs';
import { OrganizationService } from '../organization/organization.service';
import { TenantsModule } from '../tenants/tenants.module';
import { LifecycleController } from './lifecycle.controller';
import { LifecycleService } from './lifecycle.service';

/** Tenant suspend / resume / park / unpark, accepted as operations for the tenant-events worker. */
@Module({
  imports: [TenantsModule, ProducerModule],
  controllers: [LifecycleController],
  providers: [
    provideClass(OperationDao, [DYNAMO_CONTEXT]),
    provideClass(OperationLauncher, [OperationDao, MessageProducer, CLOCK, LOGGER]),
    provideClass(LifecycleService, [OrganizationService, OperationLauncher]),
  ],
})
export class LifecycleModule {}
