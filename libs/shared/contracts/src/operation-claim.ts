import type { Operation } from './operation.contract';

/** What claiming an operation found (the store's answer to a worker; the runtime acts on it). */
export type ClaimResult =
  | { outcome: 'claimed'; operation: Operation }
  | { outcome: 'terminal'; operation: Operation }
  | { outcome: 'busy'; operation: Operation }
  | { outcome: 'missing' };
