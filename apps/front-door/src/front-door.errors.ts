import { randomUUID } from 'node:crypto';
import type { AppError } from '@bbws/shared-errors';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request id rule the apps use: a well-formed X-Request-Id is kept, otherwise one is generated. */
export function requestIdOf(headers: Record<string, string | string[] | undefined>): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

interface Reply<R> {
  status(code: number): R;
  header(name: string, value: string): R;
  send(payload?: unknown): R;
}

/** Answers with the API error envelope (API.md § Errors). */
export function sendError<R extends Reply<R>>(request: { id: unknown }, reply: R, error: AppError): R {
  return reply
    .status(error.status)
    .header('content-type', 'application/json; charset=utf-8')
    .send({
      error: {
        code: error.code,
        message: error.message,
        ...(error.details && Object.keys(error.details).length ? { details: error.details } : {}),
      },
      requestId: String(request.id),
      timestamp: new Date().toISOString(),
    });
}
