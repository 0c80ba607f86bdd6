import { Module } from '@nestjs/common';
import { InstanceReaderDao } from '@bbws/data-access-instances';
import { OperationDao } from '@bbws/data-access-operations';
import { CLOCK, DYNAMO_CONTEXT, LOGGER, provideClass } from '@bbws/platform-bootstrap';
import { OperationLauncher } from '@bbws/platform-operations';
import { MessageProducer, ProducerModule } from '@bbws/platform-sqs';
import { OrganizationService } from '../organization/organization.service';
import { TenantsModule } from '../tenants/tenants.module';
import { TenantsService } from '../tenants/tenants.service';
import { LifecycleController } from './lifecycle.controller';
import { LifecycleService } from './lifecycle.service';
import { TenantDeprovisionController } from './tenant-deprovision.controller';

/** Tenant suspend / resume / park / unpark and deprovision, accepted as operations for the tenant-events worker. */
@Module({
  imports: [TenantsModule, ProducerModule],
  controllers: [LifecycleController, TenantDeprovisionController],
  providers: [
    provideClass(OperationDao, [DYNAMO_CONTEXT]),
    provideClass(OperationLauncher, [OperationDao, MessageProducer, CLOCK, LOGGER]),
    provideClass(InstanceReaderDao, [DYNAMO_CONTEXT]),
    provideClass(LifecycleService, [
      OrganizationService,
      OperationLauncher,
      TenantsService,
      InstanceReaderDao,
    ]),
  ],
})
export class LifecycleModule {}
