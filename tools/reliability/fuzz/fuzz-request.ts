import type { FuzzApp } from './fuzz-apps';

export interface FuzzRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  token?: string;
  body?: unknown;
  /** Sent as is (malformed JSON, huge payloads) instead of `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

/** The raw answer: status, the body's bytes as text and every header, for the leak scan. */
export interface FuzzResponse {
  status: number;
  text: string;
  headers: Record<string, unknown>;
  json(): any;
}

export async function send(app: FuzzApp, request: FuzzRequest): Promise<FuzzResponse> {
  const payload = request.rawBody ?? (request.body !== undefined ? JSON.stringify(request.body) : undefined);
  const response = await app.api.app.inject({
    method: request.method,
    url: request.url,
    headers: {
      ...(request.token ? { authorization: `Bearer ${request.token}` } : {}),
      ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
      ...request.headers,
    },
    ...(payload !== undefined ? { payload } : {}),
  });
  return {
    status: response.statusCode,
    text: response.body,
    headers: response.headers,
    json: () => JSON.parse(response.body),
  };
}

/** The secrets the response shows (body or any header), leaving out those the request itself carried. */
export function leakedSecrets(
  secrets: readonly string[],
  request: FuzzRequest,
  response: FuzzResponse,
): string[] {
  const sent = `${request.url} ${request.rawBody ?? JSON.stringify(request.body ?? null)}`;
  const shown = `${response.text}\n${JSON.stringify(response.headers)}`;
  return secrets.filter((secret) => !sent.includes(secret) && shown.includes(secret));
}

/** The error envelope of API.md: `{ error: { code, message, details? }, requestId, timestamp }`. */
export function isErrorEnvelope(response: FuzzResponse): boolean {
  try {
    const body = response.json();
    return (
      typeof body?.error?.code === 'string' &&
      typeof body.error.message === 'string' &&
      typeof body.requestId === 'string' &&
      typeof body.timestamp === 'string'
    );
  } catch {
    return false;
  }
}
