import { UseInterceptors } from '@nestjs/common';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Marks a creating POST as honouring `Idempotency-Key`. */
export const Idempotent = (): MethodDecorator => UseInterceptors(IdempotencyInterceptor);
