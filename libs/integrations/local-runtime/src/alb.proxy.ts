import {
  createServer,
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostRoutes } from './host-routes.port';
import { instanceKey } from './instance.ref';
import type { WorkerTargets } from './worker-fleet.port';

export interface AlbProxyOptions {
  routes: HostRoutes;
  targets: WorkerTargets;
  /**
   * Route by X-Forwarded-Host (and pass it on as Host) when present: for a proxy in front of this one
   * that rewrites Host, such as the front door. Off by default.
   */
  trustForwardedHost?: boolean;
  /**
   * Forward Host without its port. Networks are installed on port-less hosts (the ALB listens on 80/443)
   * and WordPress finds a site by the whole Host header, so a local listener on another port (the front
   * door's :3000) needs this. Off by default.
   */
  stripHostPort?: boolean;
  /** A worker that does not answer within this time gets the client a 504 (60 s by default, like the ALB). */
  upstreamTimeoutMs?: number;
}

/** Response header naming the worker (port) that served the request. */
export const WORKER_HEADER = 'x-bbws-worker';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'upgrade',
]);

/**
 * The local stand-in for the ALB in front of the instances: asks the listener rules (`HostRoutes`)
 * what a request's host gets, then forwards it round-robin to that instance's healthy workers (Host
 * kept, X-Forwarded-For/-Proto/-Host added, bodies streamed both ways), or answers the rule's fixed
 * response (the maintenance page); 503 when no worker is healthy, 404 for a host no rule names.
 */
export class AlbProxy {
  private readonly cursors = new Map<string, number>();
  private server?: Server;
  private port?: number;

  constructor(private readonly options: AlbProxyOptions) {}

  /** A node:http request listener: mount it in any HTTP server. */
  readonly handle = (incoming: IncomingMessage, outgoing: ServerResponse): void => {
    try {
      this.dispatch(incoming, outgoing);
    } catch {
      // A failing rule lookup must not take the listener down; the ALB answers 500 to what it cannot route.
      if (!outgoing.headersSent) answer(incoming, outgoing, 500, 'The request could not be routed.');
      else outgoing.destroy();
    }
  };

  private dispatch(incoming: IncomingMessage, outgoing: ServerResponse): void {
    const originalHost = this.requestHost(incoming);
    const route = this.options.routes.route(hostName(originalHost));
    if (!route) return answer(incoming, outgoing, 404, 'No site is served at this address.');
    if (route.kind === 'fixed') {
      incoming.resume();
      outgoing.writeHead(route.statusCode, {
        'content-type': route.contentType,
        'content-length': Buffer.byteLength(route.body),
        'cache-control': 'no-store',
      });
      outgoing.end(route.body);
      return;
    }
    const ports = this.options.targets.healthyWorkerPorts(route);
    if (ports.length === 0) return answer(incoming, outgoing, 503, 'The site is not available right now.');
    const key = instanceKey(route);
    const turn = this.cursors.get(key) ?? 0;
    this.cursors.set(key, turn + 1);
    this.forward(incoming, outgoing, ports[turn % ports.length], originalHost);
  }

  /** Listens on 127.0.0.1 (`port` 0: a free one); resolves with the port and base URL. */
  async listen(options: { port?: number; host?: string } = {}): Promise<{ port: number; url: string }> {
    const server = createServer(this.handle);
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
    return { port: this.port, url: this.url };
  }

  get url(): string {
    if (this.port === undefined) throw new Error('the ALB proxy is not listening');
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * For the front door's HostRouter: this proxy's URL for hosts a rule names. The front door rewrites
   * Host and sends X-Forwarded-Host, so the proxy must be listening with `trustForwardedHost`.
   */
  hostRouter(): { resolve(host: string): string | undefined } {
    if (!this.options.trustForwardedHost) {
      throw new Error(
        'mounting behind the front door needs trustForwardedHost (the front door rewrites Host)',
      );
    }
    return { resolve: (host) => (this.options.routes.route(hostName(host)) ? this.url : undefined) };
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.port = undefined;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private requestHost(incoming: IncomingMessage): string {
    const forwarded = firstValue(incoming.headers['x-forwarded-host']);
    if (this.options.trustForwardedHost && forwarded) return forwarded;
    return incoming.headers.host ?? '';
  }

  private forward(
    incoming: IncomingMessage,
    outgoing: ServerResponse,
    port: number,
    originalHost: string,
  ): void {
    const upstream = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method: incoming.method,
        path: incoming.url,
        headers: this.upstreamHeaders(incoming, originalHost),
        agent: false,
      },
      (response) => {
        const headers: OutgoingHttpHeaders = withoutHopByHop(response.headers);
        headers[WORKER_HEADER] = String(port);
        outgoing.writeHead(response.statusCode ?? 502, headers);
        response.pipe(outgoing);
      },
    );
    upstream.setTimeout(this.options.upstreamTimeoutMs ?? 60_000, () => {
      upstream.destroy(Object.assign(new Error('worker timed out'), { code: 'ETIMEDOUT' }));
    });
    upstream.once('error', (error: NodeJS.ErrnoException) => {
      if (outgoing.headersSent) {
        outgoing.destroy();
        return;
      }
      const timedOut = error.code === 'ETIMEDOUT';
      answer(
        incoming,
        outgoing,
        timedOut ? 504 : 502,
        timedOut ? 'The site did not answer in time.' : 'The site could not be reached.',
      );
    });
    outgoing.once('close', () => {
      if (!outgoing.writableFinished) upstream.destroy();
    });
    incoming.pipe(upstream);
  }

  private upstreamHeaders(incoming: IncomingMessage, originalHost: string): OutgoingHttpHeaders {
    const headers: OutgoingHttpHeaders = withoutHopByHop(incoming.headers);
    const trusted = this.options.trustForwardedHost === true;
    const client = incoming.socket.remoteAddress;
    const chain = incoming.headers['x-forwarded-for'];
    headers.host = this.options.stripHostPort ? hostName(originalHost) : originalHost;
    headers['x-forwarded-for'] = [Array.isArray(chain) ? chain.join(', ') : chain, client]
      .filter(Boolean)
      .join(', ');
    headers['x-forwarded-proto'] = (trusted && firstValue(incoming.headers['x-forwarded-proto'])) || 'http';
    headers['x-forwarded-host'] = originalHost;
    return headers;
  }
}

function withoutHopByHop(source: IncomingHttpHeaders): OutgoingHttpHeaders {
  const listed = new Set(
    (firstValue(source.connection) ?? '')
      .split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean),
  );
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !listed.has(name)) headers[name] = value;
  }
  return headers;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(',')[0]?.trim() || undefined;
}

/** Lower-case, without port. */
function hostName(host: string): string {
  return host.replace(/:\d+$/, '').toLowerCase();
}

function answer(incoming: IncomingMessage, outgoing: ServerResponse, status: number, message: string): void {
  incoming.resume();
  const body = `<!doctype html><html><head><title>${status}</title></head><body><h1>${status}</h1><p>${message}</p></body></html>\n`;
  outgoing.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  outgoing.end(body);
}
