import { createServer } from 'node:http';
import type { JWK } from 'jose';
import type { RunningEngine } from './running-engine';

export const JWKS_PATH = '/.well-known/jwks.json';

/** Serves `{ keys }` at /.well-known/jwks.json on 127.0.0.1 (a free port unless given). */
export async function startJwksServer(keys: JWK[], port = 0): Promise<RunningEngine> {
  const body = JSON.stringify({ keys });
  const server = createServer((req, res) => {
    const found = req.method === 'GET' && req.url === JWKS_PATH;
    res.writeHead(found ? 200 : 404, { 'content-type': 'application/json' });
    res.end(found ? body : '{"message":"not found"}');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : 0;
  return {
    endpoint: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
