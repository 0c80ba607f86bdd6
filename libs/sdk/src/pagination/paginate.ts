import type { Client } from 'openapi-fetch';
import { errorFromResponse } from '../errors/error-from-response';
import type { ListInit, ListItem, ListPath } from './list-paths';

/** A list answer: `items`, `moreAvailable`, `nextStartAt` (the opaque cursor for `startAt`). */
export interface Page<T> {
  items: T[];
  moreAvailable?: boolean;
  nextStartAt?: string | null;
}

interface PageResult<T> {
  data?: Page<T>;
  error?: unknown;
  response: Response;
}

type PageFetcher<T> = (startAt: string | undefined) => Promise<PageResult<T>>;

interface LooseInit {
  params?: { query?: Record<string, unknown> } & Record<string, unknown>;
  [option: string]: unknown;
}
type LooseGet = (path: string, init: LooseInit) => Promise<PageResult<unknown>>;

/**
 * Every item of a paged list, fetching page after page as the loop asks (a non-2xx page throws its
 * typed error). Either name the list route on a service client, typed by its path:
 * `for await (const site of paginate(bbws.sites, '/v1.0/tenants/{tenantId}/sites', { params: { path: { tenantId } } }))`,
 * or give the page fetch yourself: `paginate((startAt) => bbws.sites.GET(path, { params: { path, query: { startAt } } }))`.
 */
export function paginate<Paths extends object, P extends ListPath<Paths>>(
  client: Client<Paths>,
  path: P,
  ...init: ListInit<Paths, P>
): AsyncGenerator<ListItem<Paths, P>, void, undefined>;
export function paginate<T>(fetchPage: PageFetcher<T>): AsyncGenerator<T, void, undefined>;
export function paginate(
  source: PageFetcher<unknown> | { GET: unknown },
  path?: unknown,
  options?: unknown,
): AsyncGenerator<unknown, void, undefined> {
  if (typeof source === 'function') return pages(source);
  const client = source as { GET: LooseGet };
  const init = options as LooseInit | undefined;
  return pages((startAt) =>
    client.GET(path as string, {
      ...init,
      params: {
        ...init?.params,
        query: { ...init?.params?.query, ...(startAt === undefined ? {} : { startAt }) },
      },
    }),
  );
}

async function* pages<T>(fetchPage: PageFetcher<T>): AsyncGenerator<T, void, undefined> {
  let startAt: string | undefined;
  do {
    const { data, error, response } = await fetchPage(startAt);
    if (!response.ok || !data) throw errorFromResponse(response, error);
    yield* data.items;
    startAt = data.moreAvailable && data.nextStartAt ? data.nextStartAt : undefined;
  } while (startAt);
}
