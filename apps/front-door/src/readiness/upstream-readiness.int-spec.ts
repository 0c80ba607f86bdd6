import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildFrontDoor } from '../front-door.app';
import { UPSTREAM_APPS, type UpstreamApp, type Upstreams } from '../routing/upstream-apps';

type Behaviour = 'ready' | 'not-ready' | 'hang';

/** A stand-in API app whose /ready answers as told. */
function stubApp(behaviour: () => Behaviour): Promise<Server> {
  const server = createServer((req, res) => {
    const now = behaviour();
    if (now === 'hang') return;
    const ready = now === 'ready' || req.url !== '/ready';
    res.writeHead(ready ? 200 : 503, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ status: ready ? 'ready' : 'not-ready' }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('front door /ready', () => {
  const behaviours = {} as Record<UpstreamApp, Behaviour>;
  const servers: Server[] = [];
  const upstreams = {} as Upstreams;
  let frontDoor: FastifyInstance;

  beforeAll(async () => {
    for (const app of UPSTREAM_APPS) {
      const server = await stubApp(() => behaviours[app]);
      servers.push(server);
      upstreams[app] = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }
    frontDoor = await buildFrontDoor({
      upstreams,
      identity: { issuer: 'http://127.0.0.1:3000/local-identity', jwks: () => ({ keys: [] }) },
      readinessTimeoutMs: 300,
    });
    await frontDoor.ready();
  });

  afterAll(async () => {
    await frontDoor.close();
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
  });

  beforeEach(() => {
    for (const app of UPSTREAM_APPS) behaviours[app] = 'ready';
  });

  const ready = async () => {
    const response = await frontDoor.inject({ method: 'GET', url: '/ready' });
    return { status: response.statusCode, body: response.json() };
  };

  it('is ready when every upstream app is ready', async () => {
    expect(await ready()).toEqual({
      status: 200,
      body: { status: 'ready', checks: UPSTREAM_APPS.map((name) => ({ name, status: 'ok' })) },
    });
  });

  it('answers 503 naming the upstreams that are not ready, down or too slow', async () => {
    behaviours['sites-api'] = 'not-ready';
    behaviours['plugins-api'] = 'hang';
    const started = Date.now();
    const { status, body } = await ready();
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(status).toBe(503);
    expect(body.status).toBe('not-ready');
    const failing = body.checks.filter((check: { status: string }) => check.status === 'failing');
    expect(failing).toEqual([
      { name: 'sites-api', status: 'failing', message: expect.stringContaining('503') },
      { name: 'plugins-api', status: 'failing', message: expect.stringMatching(/time/i) },
    ]);
  });

  it('answers 503 when an upstream is not listening at all', async () => {
    const down = await buildFrontDoor({
      upstreams: { ...upstreams, 'operations-api': 'http://127.0.0.1:1' },
      identity: { issuer: 'http://127.0.0.1:3000/local-identity', jwks: () => ({ keys: [] }) },
      readinessTimeoutMs: 300,
    });
    try {
      const response = await down.inject({ method: 'GET', url: '/ready' });
      expect(response.statusCode).toBe(503);
      expect(response.json().checks).toContainEqual({
        name: 'operations-api',
        status: 'failing',
        message: expect.any(String),
      });
      expect(response.json().checks).toContainEqual({ name: 'tenants-api', status: 'ok' });
    } finally {
      await down.close();
    }
  });
});
