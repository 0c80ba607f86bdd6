import { sendHttp } from './http.transport';
import { InstanceResilience } from './instance-resilience.policy';
import { signAgentRequest } from './agent-request.signer';
import type { WordPressCall } from './wordpress-call';
import type { WordPressConnection } from './wordpress-connection';
import { errorFromResponse, errorFromTransport, invalidResponseError } from './wordpress-error.mapper';
import { UpstreamError } from '@bbws/shared-errors';

/** The subset of a pino logger the client uses. Credentials and bodies are never passed to it. */
export interface WordPressClientLogger {
  debug(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}

/** Requests go through `?rest_route=`, which works with and without pretty permalinks or a router. */
export function buildRequestUrl(baseUrl: string, call: Pick<WordPressCall, 'route' | 'query'>): URL {
  const url = new URL(baseUrl.replace(/\/+$/, '') + '/');
  url.searchParams.set('rest_route', call.route);
  for (const [name, value] of Object.entries(call.query ?? {})) {
    url.searchParams.set(name, value);
  }
  return url;
}

export function requestHeaders(
  connection: WordPressConnection,
  call: Pick<WordPressCall, 'operation' | 'api' | 'method' | 'route' | 'host' | 'query'>,
  body: string,
  nowMs: number,
): Record<string, string> {
  const headers: Record<string, string> = {
    host: call.host,
    'x-tenant-id': connection.tenantId,
    accept: 'application/json',
    ...(body ? { 'content-type': 'application/json' } : {}),
  };
  if (call.api === 'agent') {
    const signature = signAgentRequest(connection.credentials.agentSecret, {
      method: call.method,
      route: call.route,
      query: call.query,
      body,
      timestamp: nowMs / 1000,
    });
    return { ...headers, ...signature };
  }
  const password = connection.credentials.applicationPassword;
  if (!password) {
    throw new UpstreamError(`WordPress ${call.operation} needs the platform's application password`, {
      code: 'WORDPRESS_APPLICATION_PASSWORD_MISSING',
      retryable: false,
    });
  }
  const basic = Buffer.from(`${password.username}:${password.password}`, 'utf8').toString('base64');
  return { ...headers, authorization: `Basic ${basic}` };
}

export function instanceKey(connection: Pick<WordPressConnection, 'baseUrl' | 'hostHeader'>): string {
  return `${connection.baseUrl.replace(/\/+$/, '')}#${connection.hostHeader.toLowerCase()}`;
}

/** Sends calls through the instance's resilience policies and maps every failure to UpstreamError. */
export class WordPressRequestExecutor {
  constructor(
    private readonly resilience: InstanceResilience,
    private readonly now: () => number,
    private readonly logger?: WordPressClientLogger,
  ) {}

  send<T>(connection: WordPressConnection, call: WordPressCall): Promise<T> {
    return this.resilience.execute(instanceKey(connection), call, () => this.attempt<T>(connection, call));
  }

  private async attempt<T>(connection: WordPressConnection, call: WordPressCall): Promise<T> {
    const body = call.body === undefined ? '' : JSON.stringify(call.body);
    const started = Date.now();
    const logFields = { operation: call.operation, method: call.method, route: call.route, host: call.host };
    let response;
    try {
      response = await sendHttp({
        method: call.method,
        url: buildRequestUrl(connection.baseUrl, call),
        headers: requestHeaders(connection, call, body, this.now()),
        body: body || undefined,
        timeoutMs: call.timeoutMs,
      });
    } catch (error) {
      const mapped = error instanceof UpstreamError ? error : errorFromTransport(call, error, call.timeoutMs);
      this.logger?.warn(
        { ...logFields, code: mapped.code, durationMs: Date.now() - started },
        'WordPress call failed',
      );
      throw mapped;
    }
    const fields = { ...logFields, status: response.status, durationMs: Date.now() - started };
    if (response.status < 200 || response.status >= 300) {
      const mapped = errorFromResponse(call, response.status, response.body);
      this.logger?.warn(
        { ...fields, code: mapped.code, retryable: mapped.retryable },
        'WordPress call failed',
      );
      throw mapped;
    }
    this.logger?.debug(fields, 'WordPress call');
    try {
      return JSON.parse(response.body) as T;
    } catch {
      throw invalidResponseError(call, response.status);
    }
  }
}
