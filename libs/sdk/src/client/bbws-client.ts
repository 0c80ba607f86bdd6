import createClient, { type Client, type Middleware } from 'openapi-fetch';
import { bearerAuth, resolveToken, type TokenProvider } from '../auth/token-provider';
import { BbwsNetworkError } from '../errors/api-errors';
import { errorFromResponse } from '../errors/error-from-response';
import { idempotencyKeys } from './idempotency-keys';
import { retryingFetch, type RetryOptions } from './retry-policy';
import { SERVICE_APPS, type ServiceName, type ServicePaths } from './service-paths';

export const DEFAULT_API_URL = 'http://127.0.0.1:3000';

export interface BbwsClientOptions {
  /** The front door (locally) or API Gateway: every service's `/v1.0` routes. Default http://127.0.0.1:3000. */
  baseUrl?: string;
  /** Per-service base URLs, for reaching an app directly (`{ sites: 'http://127.0.0.1:3003' }`). */
  serviceUrls?: Partial<Record<ServiceName, string>>;
  token?: TokenProvider;
  /** Makes the `Idempotency-Key` of creating calls that do not pass their own. Default `crypto.randomUUID`. */
  newIdempotencyKey?: () => string;
  fetch?: typeof globalThis.fetch;
  /**
   * Retries of reads and keyed creating calls (the same `Idempotency-Key`, so the server replays
   * instead of creating twice) on network errors, 429, 502-504, honouring `Retry-After`.
   * Default `{ attempts: 3 }`; `false` sends every request once.
   */
  retry?: RetryOptions | false;
  /** Extra middleware (openapi-fetch), run after auth and idempotency. */
  middleware?: Middleware[];
}

export type ServiceClients = { [Name in ServiceName]: Client<ServicePaths[Name]> };

export interface BbwsClient extends ServiceClients {
  readonly baseUrl: string;
  /**
   * GET a URL the API handed out (a `Location` header or a `_links` href; relative to the service that
   * serves it), with the client's auth. Resolves to the parsed body; a non-2xx throws its typed error.
   */
  follow<T = unknown>(
    href: string,
    service?: ServiceName,
    init?: { signal?: AbortSignal },
  ): Promise<{ data: T; response: Response }>;
}

const networkErrors: Middleware = {
  onError({ error, request }) {
    return new BbwsNetworkError(request.url, error);
  },
};

export function createBbwsClient(options: BbwsClientOptions = {}): BbwsClient {
  const baseUrl = (options.baseUrl ?? DEFAULT_API_URL).replace(/\/$/, '');
  const urlOf = (service: ServiceName) => (options.serviceUrls?.[service] ?? baseUrl).replace(/\/$/, '');
  const plainFetch = options.fetch ?? ((input: Request, init?: RequestInit) => globalThis.fetch(input, init));
  const fetchImpl =
    options.retry === false
      ? plainFetch
      : retryingFetch((input, init) => plainFetch(input, init), options.retry);
  const middleware = [
    bearerAuth(options.token),
    idempotencyKeys(options.newIdempotencyKey ?? (() => crypto.randomUUID())),
    networkErrors,
    ...(options.middleware ?? []),
  ];
  const clients = Object.fromEntries(
    (Object.keys(SERVICE_APPS) as ServiceName[]).map((service) => {
      const client = createClient({ baseUrl: urlOf(service), fetch: fetchImpl });
      client.use(...middleware);
      return [service, client];
    }),
  ) as unknown as ServiceClients;

  async function follow<T>(
    href: string,
    service: ServiceName = 'operations',
    init: { signal?: AbortSignal } = {},
  ) {
    const url = new URL(href, `${urlOf(service)}/`).toString();
    const token = await resolveToken(options.token);
    let response: Response;
    try {
      response = await fetchImpl(
        new Request(url, {
          headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          signal: init.signal,
        }),
      );
    } catch (error) {
      if (init.signal?.aborted) throw init.signal.reason;
      throw new BbwsNetworkError(url, error);
    }
    const text = await response.text();
    const body: unknown = text ? JSON.parse(text) : undefined;
    if (!response.ok) throw errorFromResponse(response, body);
    return { data: body as T, response };
  }

  return { ...clients, baseUrl, follow };
}
