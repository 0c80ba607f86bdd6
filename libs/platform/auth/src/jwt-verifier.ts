import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';
import { UnauthorizedError } from '@bbws/shared-errors';
import { PLATFORM_ADMIN_GROUP, type Caller } from './caller';

export interface JwtSettings {
  issuer: string;
  /** Cognito id tokens carry it as `aud`, access tokens as `client_id`. */
  audience: string;
  jwksUrl: string;
}

const VERIFIED_CACHE_MS = 5 * 60_000;

/**
 * Verifies bearer tokens against a JWKS (Cognito's or the local issuer's), keys fetched and cached.
 * A token already verified is remembered (by its exact text) until it expires or for 5 minutes, so a
 * client's repeated calls cost one signature check.
 */
export class JwtVerifier {
  private readonly keys: ReturnType<typeof createRemoteJWKSet>;
  private readonly verified = new LRUCache<string, Caller>({ max: 10_000 });

  constructor(private readonly settings: JwtSettings) {
    this.keys = createRemoteJWKSet(new URL(settings.jwksUrl), {
      cacheMaxAge: 10 * 60_000,
      cooldownDuration: 30_000,
    });
  }

  async verify(token: string): Promise<Caller> {
    const known = this.verified.get(token);
    if (known) return known;
    const { caller, expiresAt } = await this.verifySignature(token);
    const ttl = Math.min(expiresAt * 1000 - Date.now(), VERIFIED_CACHE_MS);
    if (ttl > 0) this.verified.set(token, caller, { ttl });
    return caller;
  }

  private async verifySignature(token: string): Promise<{ caller: Caller; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keys, {
        issuer: this.settings.issuer,
        algorithms: ['RS256'],
        clockTolerance: 5,
      }));
    } catch (error) {
      throw new UnauthorizedError(describe(error));
    }
    const audience = payload.token_use === 'access' ? payload.client_id : payload.aud;
    const audiences = Array.isArray(audience) ? audience : [audience];
    if (!audiences.includes(this.settings.audience))
      throw new UnauthorizedError('The token was issued for another audience');
    if (typeof payload.sub !== 'string' || !payload.sub)
      throw new UnauthorizedError('The token has no subject');
    if (typeof payload.exp !== 'number') throw new UnauthorizedError('The token has no expiry');
    const groups = payload['cognito:groups'];
    const caller: Caller = {
      userId: payload.sub,
      email: typeof payload.email === 'string' ? payload.email : '',
      // Cognito sends a boolean; some providers send the string.
      emailVerified: payload.email_verified === true || payload.email_verified === 'true',
      name: typeof payload.name === 'string' ? payload.name : '',
      isPlatformAdmin: Array.isArray(groups) && groups.includes(PLATFORM_ADMIN_GROUP),
    };
    return { caller, expiresAt: payload.exp };
  }
}

function describe(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'The token has expired';
  if (error instanceof errors.JWTClaimValidationFailed)
    return `The token's ${error.claim} claim is not valid`;
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWSSignatureVerificationFailed) {
    return 'The token signature is not valid';
  }
  return 'The token is not valid';
}
