import { readFileSync } from 'node:fs';
import { importJWK, SignJWT, type JWK, type KeyLike } from 'jose';

export interface TestTokenClaims {
  sub: string;
  email: string;
  name?: string;
  /** The `email_verified` claim; default true. */
  emailVerified?: boolean;
  /** Becomes `cognito:groups` (omitted when empty, as Cognito does); `platform-admin` makes a platform admin. */
  groups?: string[];
  /** Negative values give an already expired token. Default 1 h. */
  expiresInSeconds?: number;
  /** Default: AUTH_ISSUER from the test environment. */
  issuer?: string;
  /** Default: AUTH_AUDIENCE from the test environment. */
  audience?: string;
  /** Sign with another private key (JWK with `kid`, or a key object) instead of the test key. */
  key?: JWK | KeyLike;
}

const importedKeys = new Map<string, Promise<{ key: KeyLike | Uint8Array; kid?: string }>>();

/**
 * A Cognito-shaped id token signed with the key the test setup publishes in its JWKS
 * (BBWS_TEST_SIGNING_KEY_FILE), so the apps under test verify it like a real one.
 */
export async function signTestToken(claims: TestTokenClaims): Promise<string> {
  const { key, kid } = await signingKey(claims.key);
  const issuer = claims.issuer ?? requiredEnv('AUTH_ISSUER');
  const audience = claims.audience ?? requiredEnv('AUTH_AUDIENCE');
  const now = Math.floor(Date.now() / 1000);
  const payload = {
    email: claims.email,
    email_verified: claims.emailVerified ?? true,
    ...(claims.name === undefined ? {} : { name: claims.name }),
    ...(claims.groups?.length ? { 'cognito:groups': claims.groups } : {}),
    token_use: 'id',
    auth_time: now,
  };
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', ...(kid ? { kid } : {}) })
    .setSubject(claims.sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.expiresInSeconds ?? 3600))
    .sign(key);
}

async function signingKey(
  given: TestTokenClaims['key'],
): Promise<{ key: KeyLike | Uint8Array; kid?: string }> {
  if (given && !isJwk(given)) return { key: given };
  if (given) return { key: await importJWK(given, 'RS256'), kid: given.kid };
  const file = requiredEnv('BBWS_TEST_SIGNING_KEY_FILE');
  let imported = importedKeys.get(file);
  if (!imported) {
    const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    imported = importJWK(jwk, 'RS256').then((key) => ({ key, kid: jwk.kid }));
    importedKeys.set(file, imported);
  }
  return imported;
}

function isJwk(key: JWK | KeyLike): key is JWK {
  return typeof (key as JWK).kty === 'string';
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the tests through Jest with the engines global setup`);
  return value;
}
