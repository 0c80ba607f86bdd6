import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyDao, type DynamoContext, type TableKey } from '@bbws/data-access-dynamo';
import { DYNAMO_CONTEXT } from '@bbws/platform-bootstrap';
import { EtagInterceptor } from './etag.interceptor';
import { IDEMPOTENCY_STORE, IdempotencyInterceptor } from './idempotency.interceptor';

/** ETags on every versioned response; idempotency records kept in the service's own table. */
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
        { provide: APP_INTERCEPTOR, useClass: EtagInterceptor },
      ],
      exports: [IDEMPOTENCY_STORE, IdempotencyInterceptor],
    };
  }
}
