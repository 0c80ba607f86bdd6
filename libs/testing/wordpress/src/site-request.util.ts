import { request, type IncomingHttpHeaders } from 'node:http';

export interface SiteRequest {
  /** Host header, e.g. network.hostFor('shop'); the main site when absent. */
  host?: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
}

export interface SiteResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One HTTP request to a site of the network by Host header. (Node's fetch ignores a Host header, so it
 * cannot reach a site by name on 127.0.0.1; node:http can.) Redirects are not followed.
 */
export function requestSite(
  baseUrl: string,
  path: string,
  options: SiteRequest & { host: string },
): Promise<SiteResponse> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: `${url.pathname}${url.search}`,
        method: options.method ?? 'GET',
        headers: { ...options.headers, Host: options.host },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('error', reject);
        res.once('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error(`timeout requesting ${path}`)));
    req.once('error', reject);
    req.end(options.body);
  });
}
