import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { HomePageProbe } from './site-health.report';

/** Only the start of a page is searched for a fatal error (WordPress prints it first or alone). */
const MAX_BODY_BYTES = 256 * 1024;

/** What WordPress's fatal-error handler prints, and PHP's own message when display_errors is on. */
const FATAL_MARKERS = [
  /There has been a critical error on (this|your) website/i,
  /<b>Fatal error<\/b>:|PHP Fatal error:/,
];

export function showsFatalError(body: string): boolean {
  return FATAL_MARKERS.some((marker) => marker.test(body));
}

/**
 * GET `path` from `baseUrl` (the front door) with `host` as the Host header (fetch cannot set it), not
 * following redirects; the response time runs until the body's first 256 KiB are read.
 */
export function probeHomePage(
  baseUrl: string,
  host: string,
  path: string,
  timeoutMs: number,
  now: () => number = Date.now,
): Promise<HomePageProbe> {
  const url = new URL(path, baseUrl);
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const started = now();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const outgoing = request(url, { headers: { host, 'user-agent': 'bbws-health-probe' } }, (response) => {
      const finish = () => {
        const body = Buffer.concat(chunks).toString('utf8');
        resolve({
          httpStatus: response.statusCode ?? null,
          responseTimeMs: now() - started,
          fatal: showsFatalError(body),
        });
      };
      response.on('data', (chunk: Buffer) => {
        if (size < MAX_BODY_BYTES) chunks.push(chunk);
        size += chunk.length;
        if (size >= MAX_BODY_BYTES) {
          response.destroy();
          finish();
        }
      });
      response.on('end', finish);
      response.on('error', finish);
    });
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    outgoing.on('error', (error: Error) =>
      resolve({ httpStatus: null, responseTimeMs: null, fatal: false, error: error.message }),
    );
    outgoing.end();
  });
}
