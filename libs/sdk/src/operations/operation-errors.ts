import type { components } from '../generated/operations-api';

export type Operation = components['schemas']['OperationResponseDto'];

/** The operation ended FAILED; `operation.error` is its `{ code, message, retryable }`. */
export class OperationFailedError extends Error {
  override readonly name = 'OperationFailedError';
  readonly code: string;

  constructor(readonly operation: Operation) {
    super(
      `operation ${operation.operationId} (${operation.type}) failed: ` +
        `${operation.error?.code ?? 'UNKNOWN'}: ${operation.error?.message ?? 'no message'}`,
    );
    this.code = operation.error?.code ?? 'UNKNOWN';
  }
}

/** The operation was cancelled before it started. */
export class OperationCancelledError extends Error {
  override readonly name = 'OperationCancelledError';

  constructor(readonly operation: Operation) {
    super(`operation ${operation.operationId} (${operation.type}) was cancelled`);
  }
}

/** `waitForOperation` gave up before the operation ended; `operation` is the last state seen. */
export class OperationTimeoutError extends Error {
  override readonly name = 'OperationTimeoutError';

  constructor(
    readonly operation: Operation,
    readonly timeoutMs: number,
  ) {
    super(`operation ${operation.operationId} still ${operation.status} after ${timeoutMs} ms`);
  }
}
