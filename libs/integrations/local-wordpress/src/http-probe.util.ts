import { request } from 'node:http';
import { LOOPBACK } from './free-port.util';

/** Status code of a GET to 127.0.0.1:<port><path> with the given Host header, or undefined if unreachable. */
export function probe(
  port: number,
  path: string,
  host: string,
  timeoutMs = 5_000,
): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(
      { host: LOOPBACK, port, path, method: 'GET', headers: { Host: host }, agent: false },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode));
        res.once('error', () => resolve(undefined));
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy());
    req.once('error', () => resolve(undefined));
    req.end();
  });
}
