import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  idempotencyKey?: string;
  /** The upstream's status, or 'dropped' when its answer was thrown away. */
  outcome: number | 'dropped';
}

export interface DroppingProxy {
  url: string;
  seen: SeenRequest[];
  /** The next request matching is forwarded, answered upstream, and its answer dropped (socket destroyed). */
  dropNextAnswer(match: (method: string, url: string) => boolean): void;
  close(): Promise<void>;
}

/**
 * A pass-through HTTP proxy on 127.0.0.1 that can lose an answer after the server has acted on the
 * request: what a client sees when the network fails on the way back.
 */
export async function startDroppingProxy(target: string): Promise<DroppingProxy> {
  const seen: SeenRequest[] = [];
  const drops: Array<(method: string, url: string) => boolean> = [];
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const method = req.method ?? 'GET';
    const url = req.url ?? '/';
    const dropIndex = drops.findIndex((match) => match(method, url));
    const drop = dropIndex >= 0 ? drops.splice(dropIndex, 1)[0] : undefined;
    const key = req.headers['idempotency-key'];
    const forward = httpRequest(
      { host: upstream.hostname, port: upstream.port, method, path: url, headers: req.headers },
      (answer: IncomingMessage) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('end', () => {
          seen.push({
            method,
            url,
            idempotencyKey: typeof key === 'string' ? key : undefined,
            outcome: drop ? 'dropped' : (answer.statusCode ?? 0),
          });
          if (drop) return void req.socket.destroy();
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          res.end(Buffer.concat(chunks));
        });
      },
    );
    forward.on('error', () => req.socket.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    dropNextAnswer: (match) => void drops.push(match),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
