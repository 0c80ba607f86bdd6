/** The Cognito group that makes a caller a platform admin (staff). */
export const PLATFORM_ADMIN_GROUP = 'platform-admin';

/** The claims of a Cognito id token that the APIs read; the local issuer produces the same shape. */
export interface IdTokenClaims {
  sub: string;
  email: string;
  email_verified: boolean;
  name: string;
  'cognito:groups'?: string[];
  token_use: 'id';
  iss: string;
  aud: string;
  iat: number;
  exp: number;
}
