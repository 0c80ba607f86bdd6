import replyFrom from '@fastify/reply-from';
import Fastify, { type FastifyInstance } from 'fastify';
import { NotFoundError } from '@bbws/shared-errors';
import { registerDocsRoutes } from './docs/docs.routes';
import { requestIdOf, sendError } from './front-door.errors';
import { registerIdentityRoutes, type IdentityEndpoints } from './identity/identity.routes';
import { proxy } from './proxy';
import { DEFAULT_READINESS_TIMEOUT_MS, registerReadinessRoute } from './readiness/upstream-readiness';
import { albHostRouter } from './routing/alb-host-router';
import type { HostRouter } from './routing/host-router';
import { routeFor } from './routing/route-table';
import type { Upstreams } from './routing/upstream-apps';

export interface FrontDoorOptions {
  upstreams: Upstreams;
  identity: IdentityEndpoints;
  /** Host-based routes checked first (WordPress sites); none by default. */
  hostRouter?: HostRouter;
  /** The local ALB proxy: without a `hostRouter`, the instances' hosts (`*.{env}.localhost`) go there. */
  albUrl?: string;
  logLevel?: string;
  /** How long `/ready` waits for each upstream app's `/ready`. */
  readinessTimeoutMs?: number;
}

/** The local stand-in for API Gateway (and, through `hostRouter`, the ALB): one port for every route. */
export async function buildFrontDoor(options: FrontDoorOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel && options.logLevel !== 'silent' ? { level: options.logLevel } : false,
    genReqId: (request) => requestIdOf(request.headers),
    disableRequestLogging: true,
  });
  // Bodies are streamed to the upstream untouched: the apps parse and validate them.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
  await app.register(replyFrom, { disableRequestLogging: true });

  app.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });

  app.get('/health', async () => ({ status: 'ok' }));
  registerReadinessRoute(app, options.upstreams, options.readinessTimeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS);
  registerIdentityRoutes(app, options.identity);
  registerDocsRoutes(app, options.upstreams);

  const hostRouter = options.hostRouter ?? (options.albUrl ? albHostRouter(options.albUrl) : undefined);
  app.all('/*', async (request, reply) => {
    const hostTarget = hostRouter?.resolve(request.hostname);
    if (hostTarget) return proxy(request, reply, `${hostTarget}${request.url}`, request.hostname);
    const upstream = routeFor(request.url);
    if (!upstream) {
      return sendError(request, reply, new NotFoundError('ROUTE'));
    }
    return proxy(request, reply, `${options.upstreams[upstream]}${request.url}`, upstream);
  });
  return app;
}
