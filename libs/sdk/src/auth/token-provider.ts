import type { Middleware } from 'openapi-fetch';

/** A bearer token, or a function that returns the current one (called per request, so it may refresh). */
export type TokenProvider = string | (() => string | undefined | Promise<string | undefined>);

export async function resolveToken(provider: TokenProvider | undefined): Promise<string | undefined> {
  return typeof provider === 'function' ? provider() : provider;
}

/** Sets `Authorization: Bearer <token>` on every request that does not carry one already. */
export function bearerAuth(provider: TokenProvider | undefined): Middleware {
  return {
    async onRequest({ request }) {
      if (request.headers.has('authorization')) return undefined;
      const token = await resolveToken(provider);
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  };
}
