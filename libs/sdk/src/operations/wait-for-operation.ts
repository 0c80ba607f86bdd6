import type { BbwsClient } from '../client/bbws-client';
import {
  OperationCancelledError,
  OperationFailedError,
  OperationTimeoutError,
  type Operation,
} from './operation-errors';

export interface WaitOptions {
  /** Called with every state read whose status, progress or current step differs from the last. */
  onProgress?: (operation: Operation) => void;
  /** Between reads; default 1000 ms. */
  intervalMs?: number;
  /** Give up after this long (OperationTimeoutError); default 30 minutes. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** What a creating call answered (`await bbws.sites.POST(...)`) or an operation id. */
export type OperationRef = string | { response: Response; data?: { operationId?: string } };

const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

function locationOf(ref: OperationRef): string {
  if (typeof ref === 'string') return `/v1.0/operations/${encodeURIComponent(ref)}`;
  const location = ref.response.headers.get('location');
  if (location) return location;
  if (ref.data?.operationId) return `/v1.0/operations/${encodeURIComponent(ref.data.operationId)}`;
  throw new TypeError(`no Location header and no operationId in the ${ref.response.status} answer`);
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const aborted = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    signal?.addEventListener('abort', aborted, { once: true });
  });

/**
 * Follows the operation's `Location` until it is COMPLETED (resolves to it), FAILED
 * (OperationFailedError with its error) or CANCELLED (OperationCancelledError).
 */
export async function waitForOperation(
  client: BbwsClient,
  ref: OperationRef,
  options: WaitOptions = {},
): Promise<Operation> {
  const location = locationOf(ref);
  const intervalMs = options.intervalMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 30 * 60_000;
  const deadline = Date.now() + timeoutMs;
  let seen = '';
  for (;;) {
    options.signal?.throwIfAborted();
    const { data: operation } = await client.follow<Operation>(location, 'operations', {
      signal: options.signal,
    });
    const state = `${operation.status}|${operation.progress}|${operation.currentStep ?? ''}`;
    if (state !== seen) {
      seen = state;
      options.onProgress?.(operation);
    }
    if (TERMINAL.has(operation.status)) {
      if (operation.status === 'FAILED') throw new OperationFailedError(operation);
      if (operation.status === 'CANCELLED') throw new OperationCancelledError(operation);
      return operation;
    }
    if (Date.now() >= deadline) throw new OperationTimeoutError(operation, timeoutMs);
    await sleep(Math.min(intervalMs, Math.max(0, deadline - Date.now())), options.signal);
  }
}
