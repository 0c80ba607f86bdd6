import { Module } from '@nestjs/common';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { OperationDao } from '@bbws/data-access-operations';
import { TenantAccessService } from '@bbws/platform-auth';
import { DYNAMO_CONTEXT } from '@bbws/platform-bootstrap';
import { OperationsController } from './operations.controller';
import { OperationsService } from './operations.service';

@Module({
  controllers: [OperationsController],
  providers: [
    {
      provide: OperationDao,
      useFactory: (db: DynamoContext) => new OperationDao(db),
      inject: [DYNAMO_CONTEXT],
    },
    {
      provide: OperationsService,
      useFactory: (operations: OperationDao, access: TenantAccessService) =>
        new OperationsService(operations, access),
      inject: [OperationDao, TenantAccessService],
    },
  ],
})
export class OperationsModule {}
