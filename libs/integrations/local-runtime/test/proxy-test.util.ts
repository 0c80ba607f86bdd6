import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { request } from 'node:http';
import type { HostRoute, HostRoutes } from '../src/host-routes.port';

/** A PHP page showing what a worker received. */
export const ECHO_HEADERS_PHP = `<?php echo json_encode(array(
  'host' => $_SERVER['HTTP_HOST'],
  'forwardedFor' => $_SERVER['HTTP_X_FORWARDED_FOR'],
  'forwardedProto' => $_SERVER['HTTP_X_FORWARDED_PROTO'],
  'forwardedHost' => $_SERVER['HTTP_X_FORWARDED_HOST'],
));
`;
/** The listener rules as C1's data plane would hold them; records which hosts were asked. */
export class RecordingHostRoutes implements HostRoutes {
  readonly rules = new Map<string, HostRoute>();
  readonly asked: string[] = [];
  route(host: string): HostRoute | undefined {
    this.asked.push(host);
    return this.rules.get(host);
  }
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One request by node:http (fetch cannot set Host). */
export function send(
  baseUrl: string,
  path: string,
  headers: Record<string, string>,
  body?: { method: string; content: string },
): Promise<Answer> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: body?.method ?? 'GET',
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.once('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    req.once('error', reject);
    req.end(body?.content);
  });
}

export async function sha256(path: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
}
