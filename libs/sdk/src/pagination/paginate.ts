import { errorFromResponse } from '../errors/error-from-response';

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

/**
 * Every item of a paged list, fetching page after page as the loop asks:
 * `for await (const site of paginate((startAt) => bbws.sites.GET(path, { params: { path, query: { startAt } } })))`.
 */
export async function* paginate<T>(
  fetchPage: (startAt: string | undefined) => Promise<PageResult<T>>,
): AsyncGenerator<T, void, undefined> {
  let startAt: string | undefined;
  do {
    const { data, error, response } = await fetchPage(startAt);
    if (!response.ok || !data) throw errorFromResponse(response, error);
    yield* data.items;
    startAt = data.moreAvailable && data.nextStartAt ? data.nextStartAt : undefined;
  } while (startAt);
}
