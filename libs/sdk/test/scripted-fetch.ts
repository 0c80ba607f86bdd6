/** One answer of a scripted fetch: a Response, or an error thrown as fetch throws on a dropped connection. */
export type Answer = Response | Error | ((request: Request) => Response | Error);

export interface SeenRequest {
  method: string;
  url: string;
  headers: Headers;
  body: string;
}

/**
 * A fetch for createBbwsClient that answers from a script (the last answer repeats) and records what
 * it was sent: unit tests of the client's own header and retry mechanics, no server involved.
 */
export function scriptedFetch(...answers: Answer[]) {
  const seen: SeenRequest[] = [];
  const fetch = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    seen.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: await request.text(),
    });
    const next = answers[Math.min(seen.length - 1, answers.length - 1)];
    const answer = typeof next === 'function' ? next(request) : next;
    if (answer instanceof Error) throw answer;
    return answer.clone();
  };
  return { fetch: fetch as typeof globalThis.fetch, seen };
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });

export const apiError = (status: number, code: string, headers: Record<string, string> = {}) =>
  json(status, { error: { code, message: `${code} happened`, details: {} }, requestId: 'req-1' }, headers);

export const dropped = () => new TypeError('fetch failed', { cause: new Error('other side closed') });
