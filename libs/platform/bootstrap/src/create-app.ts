import { randomUUID } from 'node:crypto';
import type { DynamicModule, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';
import { redactUrl, type Logger } from '@bbws/shared-logging';
import type { Clock } from '@bbws/shared-util';
import { AllErrorsFilter } from './all-errors.filter';
import { refuseDeepBodies } from './body-depth';
import { setupOpenApi } from './openapi';
import { StrictValidationPipe } from './strict-validation.pipe';
import { CLOCK, LOGGER } from './tokens';

export const BODY_LIMIT_BYTES = 256 * 1024;
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface AppOptions {
  /** Proxies whose X-Forwarded-For is believed (the front door locally; the load balancer in AWS). */
  trustProxy?: string | boolean;
}

export interface AppDescription {
  title: string;
  description: string;
  version?: string;
}

/** Builds (without listening) a NestJS app on Fastify with the platform's HTTP conventions. */
export async function createApp(
  module: Type | DynamicModule,
  description: AppDescription,
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: options.trustProxy ?? '127.0.0.1',
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    logger: false,
    routerOptions: { ignoreTrailingSlash: true },
  });
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    logger: ['error', 'warn'],
    bufferLogs: false,
  });
  const logger = app.get<Logger>(LOGGER);
  const clock = app.get<Clock>(CLOCK);
  app.useGlobalPipes(new StrictValidationPipe());
  app.useGlobalFilters(new AllErrorsFilter(logger, clock));
  registerHooks(app.getHttpAdapter().getInstance(), logger);
  refuseDeepBodies(app.getHttpAdapter().getInstance());
  setupOpenApi(app, description);
  await app.init();
  return app;
}

function registerHooks(fastify: FastifyInstance, logger: Logger): void {
  // The request id travels on the request object, not in AsyncLocalStorage: on Node 20 an active
  // AsyncLocalStorage hooks every promise, which measured ~20% of the API's throughput (npm run bench).
  // Queue consumers, where that cost does not matter, do use it (requestContext) per message.
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  // Every versioned resource answers with `ETag: "<version>"` (If-Match takes it back).
  fastify.addHook('preSerialization', (_request, reply, payload: unknown, done) => {
    const version = (payload as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && reply.statusCode < 300) void reply.header('etag', `"${version}"`);
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    logger.info(
      {
        requestId: request.id,
        method: request.method,
        route: request.routeOptions.url,
        url: redactUrl(request.url),
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime * 10) / 10,
        userId: (request as { caller?: { userId: string } }).caller?.userId,
      },
      'request',
    );
    done();
  });
}

/** Starts listening and stops cleanly on SIGTERM/SIGINT. */
export async function listen(app: NestFastifyApplication, host: string, port: number): Promise<void> {
  app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
  await app.listen({ host, port });
}
