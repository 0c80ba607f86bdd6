import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { LocalDataPlane } from '@bbws/integrations-local-compute';
import { AlbProxy } from '@bbws/integrations-local-runtime';
import { RecordingWorkerFleet } from '@bbws/testing-compute';
import { buildFrontDoor } from '../src/front-door.app';
import { DEFAULT_UPSTREAMS } from '../src/routing/upstream-apps';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request to the front door with the Host a browser sends for `http://{host}:{port}/`. */
function send(port: number, host: string, pathname: string, method = 'GET', body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path: pathname, method, headers: { host: `${host}:${port}` }, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

/** A stand-in PHP worker: answers with what it received (WordPress itself runs in the local-cloud wp-spec). */
function echoWorker(): Promise<Server> {
  const server = createServer((incoming, outgoing) => {
    let body = '';
    incoming.on('data', (chunk: Buffer) => (body += chunk.toString()));
    incoming.on('end', () => {
      outgoing.writeHead(200, { 'content-type': 'application/json' });
      outgoing.end(
        JSON.stringify({ url: incoming.url, method: incoming.method, headers: incoming.headers, body }),
      );
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('front door → local ALB proxy for the instances hosts', () => {
  let dataDir: string;
  let plane: LocalDataPlane;
  let worker: Server;
  let alb: AlbProxy;
  let frontDoor: FastifyInstance;
  let port: number;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bbws-front-door-alb-'));
    plane = new LocalDataPlane({ dataDir, region: 'us-east-1', fleet: new RecordingWorkerFleet() });
    await plane.start();
    await plane.registerInstance({
      environment: 'DEV',
      slug: 'acme',
      hosts: ['acme.dev.localhost', '*.acme.dev.localhost'],
      priority: 10,
      desiredCount: 1,
    });
    worker = await echoWorker();
    const workerPort = (worker.address() as AddressInfo).port;
    alb = new AlbProxy({
      routes: plane,
      targets: { healthyWorkerPorts: () => [workerPort] },
      trustForwardedHost: true,
      stripHostPort: true,
    });
    const { url } = await alb.listen({ port: 0 });
    frontDoor = await buildFrontDoor({
      upstreams: { ...DEFAULT_UPSTREAMS, 'tenants-api': 'http://127.0.0.1:1' },
      identity: { issuer: 'http://127.0.0.1:3000/local-identity', jwks: () => ({ keys: [] }) },
      albUrl: url,
    });
    await frontDoor.listen({ host: '127.0.0.1', port: 0 });
    port = (frontDoor.server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    await frontDoor?.close();
    await alb?.close();
    await new Promise((resolve) => worker?.close(resolve));
    await plane?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends a *.dev.localhost host on any port to the ALB, which forwards it with the port-less Host', async () => {
    const answer = await send(port, 'acme.dev.localhost', '/wp-login.php?redirect_to=%2F');
    expect(answer.status).toBe(200);
    expect(answer.headers['x-bbws-worker']).toBe(String((worker.address() as AddressInfo).port));
    const seen = JSON.parse(answer.body) as { url: string; headers: IncomingHttpHeaders };
    expect(seen.url).toBe('/wp-login.php?redirect_to=%2F');
    expect(seen.headers.host).toBe('acme.dev.localhost');
    expect(seen.headers['x-forwarded-host']).toBe(`acme.dev.localhost:${port}`);
  });

  it('routes a site of the network (a subdomain) and streams request bodies through', async () => {
    const answer = await send(port, 'Blog.Acme.dev.localhost', '/wp-comments-post.php', 'POST', 'comment=hi');
    expect(answer.status).toBe(200);
    const seen = JSON.parse(answer.body) as { method: string; body: string; headers: IncomingHttpHeaders };
    expect(seen).toMatchObject({ method: 'POST', body: 'comment=hi' });
    expect(seen.headers.host).toBe('blog.acme.dev.localhost');
  });

  it('answers what the ALB answers for a host no rule names (404), and the maintenance page while the rule says so', async () => {
    const unknown = await send(port, 'nobody.dev.localhost', '/');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('No site is served at this address.');

    const rule = Object.values(plane.current.rules).find((candidate) =>
      candidate.hosts.includes('acme.dev.localhost'),
    )!;
    const forward = rule.action;
    rule.action = {
      type: 'fixed-response',
      statusCode: '503',
      contentType: 'text/html',
      messageBody: '<h1>Maintenance</h1>',
    };
    try {
      const down = await send(port, 'acme.dev.localhost', '/');
      expect(down).toMatchObject({ status: 503, body: '<h1>Maintenance</h1>' });
    } finally {
      rule.action = forward;
    }
  });

  it('keeps routing every other host by path', async () => {
    const api = await send(port, '127.0.0.1', '/v1.0/tenants');
    expect(api.status).toBe(502);
    expect(JSON.parse(api.body)).toMatchObject({ error: { code: 'UPSTREAM_ERROR' } });
    const notAnInstance = await send(port, 'localhost', '/wp-login.php');
    expect(notAnInstance.status).toBe(404);
    expect(JSON.parse(notAnInstance.body)).toMatchObject({ error: { code: 'ROUTE_NOT_FOUND' } });
  });
});
