import type { Operation } from '@bbws/shared-contracts';

/** The payload an operation was launched with (kept in its dispatch), for the hooks that get only the operation. */
export function launchedPayload<P extends object>(operation: Operation): Partial<P> {
  const payload = operation.dispatch?.message.payload;
  return payload && typeof payload === 'object' ? (payload as Partial<P>) : {};
}
