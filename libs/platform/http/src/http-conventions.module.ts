import { Global, Module, type DynamicModule } from '@nestjs/common';
import { IdempotencyDao, type DynamoContext, type TableKey } from '@bbws/data-access-dynamo';
import { DYNAMO_CONTEXT } from '@bbws/platform-bootstrap';
import { IDEMPOTENCY_STORE, IdempotencyInterceptor } from './idempotency.interceptor';

/** Idempotency records kept in the service's own table. */
@Global()
@Module({})
export class HttpConventionsModule {
  static forRoot(options: { idempotencyTable: TableKey }): DynamicModule {
    return {
      module: HttpConventionsModule,
      providers: [
        {
          provide: IDEMPOTENCY_STORE,
          useFactory: (db: DynamoContext) => new IdempotencyDao(db, options.idempotencyTable),
          inject: [DYNAMO_CONTEXT],
        },
        IdempotencyInterceptor,
      ],
      exports: [IDEMPOTENCY_STORE, IdempotencyInterceptor],
    };
  }
}
