/**
 * Base of every error our code throws on purpose. Framework-free: the HTTP filter maps `status`
 * and `code` to the error envelope, the queue consumer runtime maps `retryable` to retry or fail.
 */
export abstract class AppError extends Error {
  abstract readonly status: number;
  readonly retryable: boolean = false;

  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}
