import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

export interface HttpResponse {
  status: number;
  body: string;
}

/**
 * One HTTP exchange with node:http. Not fetch: undici's fetch does not let a caller set `Host`, and
 * the platform reaches each site by sending its host to a shared address. Fails with an error whose
 * `code` is `BBWS_TIMEOUT` when the whole exchange takes longer than `timeoutMs`.
 */
export function sendHttp(request: HttpRequest): Promise<HttpResponse> {
  const transport = request.url.protocol === 'https:' ? https : http;
  const headers =
    request.body === undefined
      ? request.headers
      : { ...request.headers, 'content-length': String(Buffer.byteLength(request.body)) };
  return new Promise<HttpResponse>((resolve, reject) => {
    let incoming: IncomingMessage | undefined;
    const outgoing = transport.request(request.url, { method: request.method, headers });
    const timer = setTimeout(() => {
      const error = Object.assign(new Error(`No complete answer within ${request.timeoutMs} ms`), {
        code: 'BBWS_TIMEOUT',
      });
      fail(error);
      incoming?.destroy();
      outgoing.destroy();
    }, request.timeoutMs);
    function fail(error: Error): void {
      clearTimeout(timer);
      reject(error);
    }
    outgoing.on('error', fail);
    outgoing.on('response', (response) => {
      incoming = response;
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    outgoing.end(request.body);
  });
}
