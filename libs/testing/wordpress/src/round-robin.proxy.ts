import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobinProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * A tiny stand-in for the load balancer in front of several workers: each request goes to the next
 * port `targets()` returns (Host header kept); 503 when there is none, 502 when the worker fails.
 */
export async function startRoundRobinProxy(targets: () => readonly number[]): Promise<RoundRobinProxy> {
  let next = 0;
  const server: Server = createServer((incoming, outgoing) => {
    const ports = targets();
    if (ports.length === 0) {
      outgoing.writeHead(503, { 'content-type': 'text/plain' }).end('no healthy workers\n');
      return;
    }
    const port = ports[next++ % ports.length];
    const upstream = request(
      {
        host: '127.0.0.1',
        port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
        agent: false,
      },
      (response) => {
        outgoing.writeHead(response.statusCode ?? 502, response.headers);
        response.pipe(outgoing);
      },
    );
    upstream.once('error', () => {
      if (!outgoing.headersSent) outgoing.writeHead(502, { 'content-type': 'text/plain' });
      outgoing.end();
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
