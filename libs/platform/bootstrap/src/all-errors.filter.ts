import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { redactUrl, type Logger } from '@bbws/shared-logging';
import type { Clock } from '@bbws/shared-util';
import { mapError } from './error-envelope';

/** The one place errors become HTTP: the error envelope of API.md, no internals in the body. */
@Catch()
export class AllErrorsFilter implements ExceptionFilter {
  constructor(
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const mapped = mapError(error, String(request.id), this.clock.now());
    if (mapped.unexpected)
      this.logger.error(
        { err: error, requestId: request.id, path: redactUrl(request.url) },
        'unhandled error',
      );
    void reply.status(mapped.status).headers(mapped.headers).send(mapped.body);
  }
}
