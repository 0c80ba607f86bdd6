import { errorFromResponse } from '../errors/error-from-response';

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The body of a 2xx answer; any other answer throws its typed error (`BbwsNotFoundError`,
 * `BbwsPreconditionFailedError`…). `const site = await unwrap(bbws.sites.GET(path, { params }))`.
 */
export async function unwrap<T>(call: Promise<FetchResult<T>> | FetchResult<T>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw errorFromResponse(response, error);
  return data as T;
}
