import type { DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp, type AppDescription } from '@bbws/platform-bootstrap';

export interface TestRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  token?: string;
  body?: unknown;
  /** Sent as is (for malformed-body tests), instead of `body`. */
  rawBody?: string;
  headers?: Record<string, string>;
}

export interface TestResponse<T = any> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

export interface TestApi {
  app: NestFastifyApplication;
  request<T = any>(request: TestRequest): Promise<TestResponse<T>>;
  close(): Promise<void>;
}

/** Boots an API app in-process (real engines from the test environment) and talks HTTP to it via inject. */
export async function startTestApi(module: DynamicModule, description: AppDescription): Promise<TestApi> {
  const app = await createApp(module, description);
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    async request<T>({ method, url, token, body, rawBody, headers }: TestRequest): Promise<TestResponse<T>> {
      const response = await app.inject({
        method,
        url,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body !== undefined || rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        ...(rawBody !== undefined
          ? { payload: rawBody }
          : body !== undefined
            ? { payload: JSON.stringify(body) }
            : {}),
      });
      const text = response.body;
      return {
        status: response.statusCode,
        body: (text && response.headers['content-type']?.toString().includes('json')
          ? JSON.parse(text)
          : text) as T,
        headers: response.headers,
      };
    },
    close: () => app.close(),
  };
}
