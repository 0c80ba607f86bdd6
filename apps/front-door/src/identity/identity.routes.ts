import type { FastifyInstance } from 'fastify';

export interface IdentityEndpoints {
  /** The local issuer (`iss` of local tokens), e.g. http://127.0.0.1:3000/local-identity. */
  issuer: string;
  /** The public keys local tokens are signed with. */
  jwks: () => { keys: object[] };
}

/** The JWKS the API apps verify local tokens with, and the issuer's OpenID discovery document. */
export function registerIdentityRoutes(app: FastifyInstance, identity: IdentityEndpoints): void {
  app.get('/.well-known/jwks.json', async (_request, reply) =>
    reply.header('cache-control', 'public, max-age=300').send(identity.jwks()),
  );
  const issuerPath = new URL(identity.issuer).pathname.replace(/\/$/, '');
  app.get(`${issuerPath}/.well-known/openid-configuration`, async (request) => ({
    issuer: identity.issuer,
    jwks_uri: `${request.protocol}://${request.host}/.well-known/jwks.json`,
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['public'],
    response_types_supported: ['id_token'],
  }));
}
