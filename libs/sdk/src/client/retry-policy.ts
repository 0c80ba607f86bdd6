import { DelegateBackoff, handleWhen, retry, type IRetryBackoffContext } from 'cockatiel';
import { retryAfterMs } from '../errors/retry-after';

export interface RetryOptions {
  /** Tries in all, the first included. Default 3. */
  attempts?: number;
  /** The first backoff; each next one doubles, with jitter. Default 250 ms. */
  baseDelayMs?: number;
  /** The longest backoff, and the longest `Retry-After` honoured (a longer one is answered as is). Default 30 s. */
  maxDelayMs?: number;
}

type FetchFn = (input: Request, init?: RequestInit) => Promise<Response>;

/** Statuses worth another try: rate limited, or the platform (or a dependency) briefly unavailable. */
const RETRYABLE_STATUSES = new Set([429, 502, 503, 504]);
const IN_PROGRESS_CODE = 'IDEMPOTENCY_IN_PROGRESS';

interface Attempt {
  response: Response;
  retryable: boolean;
  /** The server's `Retry-After`, in ms. */
  waitMs?: number;
}

/**
 * Only requests that are safe to send twice are retried: reads, and creating calls carrying an
 * `Idempotency-Key` (the same key is sent again, so the server replays the first answer).
 */
export function isRetrySafe(request: Request): boolean {
  return ['GET', 'HEAD'].includes(request.method) || request.headers.has('idempotency-key');
}

async function judge(request: Request, response: Response, maxDelayMs: number): Promise<Attempt> {
  const waitMs = retryAfterMs(response);
  if (waitMs !== undefined && waitMs > maxDelayMs) return { response, retryable: false };
  if (RETRYABLE_STATUSES.has(response.status)) return { response, retryable: true, waitMs };
  // A keyed request whose first try (answer lost) is still running: the retry will replay it once done.
  if (response.status === 409 && request.headers.has('idempotency-key')) {
    const body = (await response
      .clone()
      .json()
      .catch(() => undefined)) as { error?: { code?: string } } | undefined;
    return { response, retryable: body?.error?.code === IN_PROGRESS_CODE, waitMs };
  }
  return { response, retryable: false };
}

/**
 * A fetch that retries retry-safe requests on network errors, 429, 502-504 and 409
 * IDEMPOTENCY_IN_PROGRESS, waiting `Retry-After` when the server says, else an exponential backoff.
 */
export function retryingFetch(fetchImpl: FetchFn, options: RetryOptions = {}): FetchFn {
  const attempts = Math.max(1, options.attempts ?? 3);
  const baseDelayMs = options.baseDelayMs ?? 250;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const backoff = new DelegateBackoff<IRetryBackoffContext<unknown>>(({ attempt, result }) => {
    const told = 'value' in result ? (result.value as Attempt).waitMs : undefined;
    if (told !== undefined) return told;
    const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    return Math.round(exponential / 2 + (Math.random() * exponential) / 2);
  });
  const policy = retry(
    handleWhen((error) => error.name !== 'AbortError').orWhenResult((value) => (value as Attempt).retryable),
    { maxAttempts: attempts - 1, backoff },
  );
  policy.onRetry((reason) => {
    if ('value' in reason) void (reason.value as Attempt).response.body?.cancel();
  });

  return async (request, init) => {
    if (attempts === 1 || !isRetrySafe(request)) return fetchImpl(request, init);
    const attempt = await policy.execute(
      async () => judge(request, await fetchImpl(request.clone(), init), maxDelayMs),
      request.signal,
    );
    return attempt.response;
  };
}
