import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeHomePage } from './site-health.probe';

describe('probeHomePage', () => {
  let server: Server;
  let baseUrl: string;
  const seen: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.headers);
      if (request.url === '/fatal')
        return void response
          .writeHead(500, { 'content-type': 'text/html' })
          .end('<p>There has been a critical error on this website.</p>');
      if (request.url === '/slow') return void setTimeout(() => response.writeHead(200).end('late'), 300);
      if (request.url === '/moved') return void response.writeHead(302, { location: '/elsewhere' }).end();
      response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>Home</h1>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it("fetches the path from the front door with the site's host, timing the answer", async () => {
    const probe = await probeHomePage(baseUrl, 'shop.dev.localhost', '/', 5_000);

    expect(probe).toEqual({ httpStatus: 200, responseTimeMs: expect.any(Number), fatal: false });
    expect(seen.at(-1)?.host).toBe('shop.dev.localhost');
  });

  it("sees WordPress's critical-error page, and does not follow redirects", async () => {
    expect(await probeHomePage(baseUrl, 'shop.dev.localhost', '/fatal', 5_000)).toMatchObject({
      httpStatus: 500,
      fatal: true,
    });
    expect(await probeHomePage(baseUrl, 'shop.dev.localhost', '/moved', 5_000)).toMatchObject({
      httpStatus: 302,
      fatal: false,
    });
  });

  it('reports no answer on a timeout or a closed port, with the reason', async () => {
    expect(await probeHomePage(baseUrl, 'shop.dev.localhost', '/slow', 50)).toEqual({
      httpStatus: null,
      responseTimeMs: null,
      fatal: false,
      error: 'no answer within 50 ms',
    });
    const closed = await probeHomePage('http://127.0.0.1:9', 'shop.dev.localhost', '/', 1_000);
    expect(closed).toMatchObject({ httpStatus: null, error: expect.stringContaining('ECONNREFUSED') });
  });
});
