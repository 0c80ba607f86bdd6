import { createServer } from 'node:net';

export const LOOPBACK = '127.0.0.1';

/** A port free on 127.0.0.1 right now (the caller binds it soon after and retries on a collision). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, LOOPBACK, () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port assigned'));
      });
    });
  });
}
