import { SignJWT } from 'jose';
import { systemClock, type Clock } from '@bbws/shared-util';
import { PLATFORM_ADMIN_GROUP } from '../id-token.claims';
import type { DirectoryUser } from '../identity-directory.port';
import type { LocalSigningKey } from './local-signing-key';

export interface LocalIssuerSettings {
  issuer: string;
  audience: string;
}

export interface IssueTokenOptions {
  platformAdmin?: boolean;
  /** The `email_verified` claim; default true (false to try what unverified callers may do). */
  emailVerified?: boolean;
  /** Default 12 h. */
  ttlSeconds?: number;
}

const TWELVE_HOURS = 12 * 3600;

/** Signs id tokens shaped like Cognito's (RS256, `kid`, `cognito:groups`, `token_use: id`) for local users. */
export class LocalTokenIssuer {
  constructor(
    private readonly key: LocalSigningKey,
    private readonly settings: LocalIssuerSettings,
    private readonly clock: Clock = systemClock,
  ) {}

  issueToken(user: DirectoryUser, options: IssueTokenOptions = {}): Promise<string> {
    const now = Math.floor(this.clock.now().getTime() / 1000);
    return new SignJWT({
      email: user.email,
      email_verified: options.emailVerified ?? true,
      name: user.name,
      ...(options.platformAdmin ? { 'cognito:groups': [PLATFORM_ADMIN_GROUP] } : {}),
      token_use: 'id',
      auth_time: now,
    })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: this.key.kid })
      .setSubject(user.userId)
      .setIssuer(this.settings.issuer)
      .setAudience(this.settings.audience)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.ttlSeconds ?? TWELVE_HOURS))
      .sign(this.key.privateKey);
  }
}
