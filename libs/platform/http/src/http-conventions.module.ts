import { Global, Module, type DynamicModule } from '@nestjs/common';
import {
  DEFAULT_CLAIM_SECONDS,
  IdempotencyDao,
  type DynamoContext,
  type TableKey,
} from '@bbws/data-access-dynamo';
import { DYNAMO_CONTEXT } from '@bbws/platform-bootstrap';
import {
  IDEMPOTENCY_HEARTBEAT_MS,
  IDEMPOTENCY_STORE,
  IdempotencyInterceptor,
} from './idempotency.interceptor';

export interface HttpConventionsOptions {
  idempotencyTable: TableKey;
  /** How long an Idempotency-Key claim lasts without a heartbeat (default 60 s). */
  claimSeconds?: number;
  /** How often a running request extends its claim (default a third of the claim). */
  heartbeatMs?: number;
}

/** Idempotency records kept in the service's own table. */
@Global()
@Module({})
export class HttpConventionsModule {
  static forRoot(options: HttpConventionsOptions): DynamicModule {
    const claimSeconds = options.claimSeconds ?? DEFAULT_CLAIM_SECONDS;
    return {
      module: HttpConventionsModule,
      providers: [
        {
          provide: IDEMPOTENCY_STORE,
          useFactory: (db: DynamoContext) => new IdempotencyDao(db, options.idempotencyTable, claimSeconds),
          inject: [DYNAMO_CONTEXT],
        },
        {
          provide: IDEMPOTENCY_HEARTBEAT_MS,
          useValue: options.heartbeatMs ?? Math.floor((claimSeconds * 1000) / 3),
        },
        IdempotencyInterceptor,
      ],
      exports: [IDEMPOTENCY_STORE, IDEMPOTENCY_HEARTBEAT_MS, IdempotencyInterceptor],
    };
  }
}
