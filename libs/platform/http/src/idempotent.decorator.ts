import { UseInterceptors, applyDecorators } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import { ApiErrors } from './api-errors.decorator';
import { IdempotencyInterceptor } from './idempotency.interceptor';

/** Marks a creating POST as honouring `Idempotency-Key`. */
export const Idempotent = (): MethodDecorator => UseInterceptors(IdempotencyInterceptor);

/** Documents `Idempotency-Key` on a route marked `@Idempotent()` (409 while the first request runs, 422 when reused). */
export const ApiIdempotent = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description:
        'At most 128 characters; the same key, caller and body within 24 h replays the first answer',
    }),
    ApiErrors(409, 422),
  );
