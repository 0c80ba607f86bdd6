import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DEFAULT_CLAIM_SECONDS, IdempotencyDao, type TableKey } from '@bbws/data-access-dynamo';
import { DYNAMO_CONTEXT, provideFactory, provideValue } from '@bbws/platform-bootstrap';
import {
  IDEMPOTENCY_HEARTBEAT_MS,
  IDEMPOTENCY_STORE,
  IdempotencyInterceptor,
} from './idempotency.interceptor';

export interface IdempotencyOptions {
  idempotencyTable: TableKey;
  /** How long an Idempotency-Key claim lasts without a heartbeat (default 60 s). */
  claimSeconds?: number;
  /** How often a running request extends its claim (default a third of the claim). */
  heartbeatMs?: number;
}

/** `Idempotency-Key` handling (`@Idempotent()`), its records kept in the service's own table. */
@Global()
@Module({})
export class IdempotencyModule {
  static forRoot(options: IdempotencyOptions): DynamicModule {
    const claimSeconds = options.claimSeconds ?? DEFAULT_CLAIM_SECONDS;
    return {
      module: IdempotencyModule,
      providers: [
        provideFactory(
          IDEMPOTENCY_STORE,
          [DYNAMO_CONTEXT],
          (db) => new IdempotencyDao(db, options.idempotencyTable, claimSeconds),
        ),
        provideValue(IDEMPOTENCY_HEARTBEAT_MS, options.heartbeatMs ?? Math.floor((claimSeconds * 1000) / 3)),
        IdempotencyInterceptor,
      ],
      exports: [IDEMPOTENCY_STORE, IDEMPOTENCY_HEARTBEAT_MS, IdempotencyInterceptor],
    };
  }
}
