import type { FastifyInstance } from 'fastify';
import { NotFoundError } from '@bbws/shared-errors';
import { sendError } from '../front-door.errors';
import { proxy } from '../proxy';
import { UPSTREAM_APPS, isUpstreamApp, type Upstreams } from '../routing/upstream-apps';

/**
 * Each app's OpenAPI under /docs/<app>/ (its /docs, which serves Swagger UI with relative asset
 * paths, hence the redirect to the trailing slash) and /docs/<app>-json (its /docs-json).
 */
export function registerDocsRoutes(app: FastifyInstance, upstreams: Upstreams): void {
  app.get('/docs', async (_request, reply) => {
    const items = UPSTREAM_APPS.map(
      (name) => `<li><a href="/docs/${name}/">${name}</a> (<a href="/docs/${name}-json">JSON</a>)</li>`,
    );
    return reply
      .type('text/html; charset=utf-8')
      .send(`<!doctype html><title>BBWS APIs</title><h1>BBWS APIs</h1><ul>${items.join('')}</ul>`);
  });

  app.get<{ Params: { app: string } }>('/docs/:app', async (request, reply) => {
    const name = request.params.app;
    if (isUpstreamApp(name)) return reply.redirect(`/docs/${name}/`);
    const described = name.replace(/-json$/, '');
    if (name.endsWith('-json') && isUpstreamApp(described)) {
      return proxy(request, reply, `${upstreams[described]}/docs-json`, described);
    }
    return sendError(request, reply, new NotFoundError('DOCS', name));
  });

  app.all<{ Params: { app: string; '*': string } }>('/docs/:app/*', async (request, reply) => {
    const name = request.params.app;
    if (!isUpstreamApp(name)) return sendError(request, reply, new NotFoundError('DOCS', name));
    return proxy(request, reply, `${upstreams[name]}/docs/${request.params['*']}`, name);
  });
}
