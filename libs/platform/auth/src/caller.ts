/** The authenticated caller, from a verified token. */
export interface Caller {
  userId: string;
  email: string;
  /** The token's `email_verified` claim: the identity provider checked the caller controls `email`. */
  emailVerified: boolean;
  name: string;
  isPlatformAdmin: boolean;
}

export const PLATFORM_ADMIN_GROUP = 'platform-admin';
