import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A tiny artifact store on 127.0.0.1: PUT /<name> stores the body, GET /<name> serves it. */
export interface ArtifactServer {
  baseUrl: string;
  urlFor(name: string): string;
  /** Stores bytes directly (e.g. a fixture package) and returns their URL. */
  put(name: string, bytes: Buffer): string;
  get(name: string): Buffer | undefined;
  stop(): Promise<void>;
}

export async function startArtifactServer(): Promise<ArtifactServer> {
  const files = new Map<string, Buffer>();
  const server = http.createServer((request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? '/', 'http://artifacts').pathname.slice(1));
    if (request.method === 'PUT') {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        files.set(name, Buffer.concat(chunks));
        response.writeHead(201).end();
      });
      return;
    }
    const file = request.method === 'GET' ? files.get(name) : undefined;
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    response
      .writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.length })
      .end(file);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const urlFor = (name: string): string => `${baseUrl}/${encodeURIComponent(name)}`;
  return {
    baseUrl,
    urlFor,
    put(name, bytes) {
      files.set(name, bytes);
      return urlFor(name);
    },
    get: (name) => files.get(name),
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
