import { Module } from '@nestjs/common';
import { OperationDao } from '@bbws/data-access-operations';
import { TenantAccessService } from '@bbws/platform-auth';
import { DYNAMO_CONTEXT, provideClass } from '@bbws/platform-bootstrap';
import { OperationsController } from './operations.controller';
import { OperationsService } from './operations.service';

@Module({
  controllers: [OperationsController],
  providers: [
    provideClass(OperationDao, [DYNAMO_CONTEXT]),
    provideClass(OperationsService, [OperationDao, TenantAccessService]),
  ],
})
export class OperationsModule {}
