import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendHttp } from './http.transport';

describe('sendHttp against a local server', () => {
  let server: http.Server;
  let baseUrl: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      if (request.url === '/hang') return;
      response.end(JSON.stringify({ host: request.headers.host, body: request.headers['content-length'] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('sends the Host header it is given, not the address it connects to', async () => {
    const response = await sendHttp({
      method: 'POST',
      url: new URL(`${baseUrl}/echo`),
      headers: { host: 'shop.net1.localhost' },
      body: 'héllo',
      timeoutMs: 5_000,
    });

    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toEqual({ host: 'shop.net1.localhost', body: '6' });
  });

  it('gives up after the timeout with a BBWS_TIMEOUT error', async () => {
    const started = Date.now();

    await expect(
      sendHttp({ method: 'GET', url: new URL(`${baseUrl}/hang`), headers: {}, timeoutMs: 150 }),
    ).rejects.toMatchObject({
      code: 'BBWS_TIMEOUT',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('fails with the connection error when nothing listens', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    await expect(
      sendHttp({ method: 'GET', url: new URL(`http://127.0.0.1:${port}/`), headers: {}, timeoutMs: 1_000 }),
    ).rejects.toMatchObject({
      code: 'ECONNREFUSED',
    });
  });
});
