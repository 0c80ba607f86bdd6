import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildFrontDoor } from './front-door.app';
import { UPSTREAM_APPS, type UpstreamApp, type Upstreams } from './routing/upstream-apps';

interface Seen {
  app: UpstreamApp;
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in API app that records each request and answers with what it saw. */
function stubApp(app: UpstreamApp, seen: Seen[]): Promise<Server> {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      seen.push({ app, method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const status = req.url?.startsWith('/v1.0/tenants') && req.method === 'POST' ? 201 : 200;
      res.writeHead(status, { 'content-type': 'application/json', 'x-served-by': app });
      res.end(JSON.stringify({ app, url: req.url }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const JWKS = { keys: [{ kty: 'RSA', n: 'abc', e: 'AQAB', kid: 'k1', alg: 'RS256', use: 'sig' }] };

describe('front door', () => {
  const seen: Seen[] = [];
  const servers: Server[] = [];
  let frontDoor: FastifyInstance;

  beforeAll(async () => {
    const upstreams = {} as Upstreams;
    for (const app of UPSTREAM_APPS) {
      const server = await stubApp(app, seen);
      servers.push(server);
      upstreams[app] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
    // Nothing listens on port 1: the operations API is "down".
    upstreams['operations-api'] = 'http://127.0.0.1:1';
    frontDoor = await buildFrontDoor({
      upstreams,
      identity: { issuer: 'http://127.0.0.1:3000/local-identity', jwks: () => JWKS },
    });
    await frontDoor.listen({ host: '127.0.0.1', port: 0 });
  });

  afterAll(async () => {
    await frontDoor.close();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  beforeEach(() => {
    seen.length = 0;
  });

  const url = (path: string) => `http://127.0.0.1:${(frontDoor.server.address() as AddressInfo).port}${path}`;

  it.each([
    ['/v1.0/tenants?pageSize=5', 'tenants-api'],
    ['/v1.0/users/me', 'tenants-api'],
    ['/v1.0/tenants/tenant-1/members', 'tenants-api'],
    ['/v1.0/tenants/tenant-1/instances/DEV', 'instances-api'],
    ['/v1.0/tenants/tenant-1/sites', 'sites-api'],
    ['/v1.0/admin/templates', 'templates-api'],
    ['/v1.0/plugins', 'plugins-api'],
  ])('forwards GET %s unchanged to %s', async (path, app) => {
    const response = await fetch(url(path));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-served-by')).toBe(app);
    expect(seen).toEqual([expect.objectContaining({ app, method: 'GET', url: path })]);
  });

  it('streams the body, headers and status through both ways', async () => {
    const body = JSON.stringify({ organizationName: 'Acme', extra: 'x'.repeat(300_000) });
    const response = await fetch(url('/v1.0/tenants'), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: 'Bearer abc',
        'idempotency-key': 'k-1',
        'x-request-id': 'req-123',
      },
      body,
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('req-123');
    expect(seen).toHaveLength(1);
    expect(seen[0].body).toBe(body);
    expect(seen[0].headers).toEqual(
      expect.objectContaining({
        authorization: 'Bearer abc',
        'idempotency-key': 'k-1',
        'content-type': 'application/json',
        'x-request-id': 'req-123',
        'x-forwarded-for': '127.0.0.1',
      }),
    );
  });

  it('gives every forwarded request a request id when the caller sent none', async () => {
    const response = await fetch(url('/v1.0/templates'));
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(seen[0].headers['x-request-id']).toBe(response.headers.get('x-request-id'));
  });

  it('answers 404 in the error envelope for a path no app serves', async () => {
    const response = await fetch(url('/v1.0/nothing-here'));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'ROUTE_NOT_FOUND', message: expect.any(String) },
      requestId: expect.any(String),
      timestamp: expect.any(String),
    });
    expect(seen).toHaveLength(0);
  });

  it('answers 502 in the error envelope when the app is down, without retrying', async () => {
    const response = await fetch(url('/v1.0/operations/op-1'));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual(
      expect.objectContaining({
        error: { code: 'UPSTREAM_ERROR', message: 'operations-api is not reachable (is it running?)' },
      }),
    );
  });

  it('serves the local JWKS and the issuer discovery document', async () => {
    expect(await (await fetch(url('/.well-known/jwks.json'))).json()).toEqual(JWKS);
    const discovery = await (await fetch(url('/local-identity/.well-known/openid-configuration'))).json();
    expect(discovery).toEqual(
      expect.objectContaining({
        issuer: 'http://127.0.0.1:3000/local-identity',
        jwks_uri: url('/.well-known/jwks.json'),
      }),
    );
  });

  it('answers its own health check', async () => {
    const response = await fetch(url('/health'));
    expect(await response.json()).toEqual({ status: 'ok' });
    expect(seen).toHaveLength(0);
  });

  it('redirects /docs/<app> to the trailing-slash form Swagger UI needs', async () => {
    const response = await fetch(url('/docs/sites-api'), { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/docs/sites-api/');
  });

  it("maps /docs/<app>/... to that app's /docs/... and /docs/<app>-json to its /docs-json", async () => {
    await fetch(url('/docs/tenants-api/'));
    await fetch(url('/docs/plugins-api/swagger-ui.css'));
    await fetch(url('/docs/instances-api-json'));
    expect(seen.map(({ app, url: path }) => [app, path])).toEqual([
      ['tenants-api', '/docs/'],
      ['plugins-api', '/docs/swagger-ui.css'],
      ['instances-api', '/docs-json'],
    ]);
  });

  it('answers 404 for the docs of an unknown app', async () => {
    expect((await fetch(url('/docs/nope/'))).status).toBe(404);
    expect((await fetch(url('/docs/nope'))).status).toBe(404);
  });

  it('routes a host claimed by the host router before looking at the path', async () => {
    const wordpress: Seen[] = [];
    const site = await stubApp('sites-api', wordpress);
    const port = (site.address() as AddressInfo).port;
    const hostRouted = await buildFrontDoor({
      upstreams: {
        ...Object.fromEntries(UPSTREAM_APPS.map((app) => [app, 'http://127.0.0.1:1'])),
      } as Upstreams,
      identity: { issuer: 'http://127.0.0.1:3000/local-identity', jwks: () => JWKS },
      hostRouter: {
        resolve: (host) => (host === 'blog.dev.localhost' ? `http://127.0.0.1:${port}` : undefined),
      },
    });
    try {
      const response = await hostRouted.inject({
        url: '/v1.0/tenants',
        headers: { host: 'blog.dev.localhost' },
      });
      expect(response.statusCode).toBe(200);
      expect(wordpress).toEqual([expect.objectContaining({ url: '/v1.0/tenants' })]);
    } finally {
      await hostRouted.close();
      await new Promise((resolve) => site.close(resolve));
    }
  });
});
