import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, type Observable } from 'rxjs';
import { etag } from './if-match.decorator';

/** Sets `ETag: "<version>"` on every response whose body is a versioned resource. */
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(
      map((body: unknown) => {
        const version = (body as { version?: unknown } | null)?.version;
        if (typeof version === 'number') {
          void context.switchToHttp().getResponse<FastifyReply>().header('ETag', etag(version));
        }
        return body;
      }),
    );
  }
}
