import type { Middleware } from 'openapi-fetch';
import { ROUTES } from '../generated/routes';

const IDEMPOTENT_ROUTES = new Set(
  Object.values(ROUTES)
    .flat()
    .filter((route) => route.idempotent)
    .map((route) => `${route.method} ${route.path}`),
);

/** True when the route declares an `Idempotency-Key` header in its OpenAPI document (the creating calls). */
export function isIdempotentRoute(method: string, schemaPath: string): boolean {
  return IDEMPOTENT_ROUTES.has(`${method.toUpperCase()} ${schemaPath}`);
}

/**
 * Gives every creating call an `Idempotency-Key` unless the caller passed one, so a retried request
 * (same key, same body) replays the first answer instead of creating twice. Pass your own key to
 * make a retry across processes safe.
 */
export function idempotencyKeys(newKey: () => string): Middleware {
  return {
    onRequest({ request, schemaPath }) {
      if (request.headers.has('idempotency-key') || !isIdempotentRoute(request.method, schemaPath)) {
        return undefined;
      }
      request.headers.set('idempotency-key', newKey());
      return request;
    },
  };
}
