import { token } from '@bbws/shared-util';

export type DirectoryUserStatus = 'ACTIVE' | 'PENDING' | 'DISABLED';

/** A person known to the identity provider; `userId` is the provider's subject (the token's `sub`). */
export interface DirectoryUser {
  userId: string;
  email: string;
  name: string;
  status: DirectoryUserStatus;
  /** Whether the provider verified that the user controls `email`. */
  emailVerified: boolean;
}

/** Who exists in the identity provider (Cognito in AWS, the local directory otherwise). */
export interface IdentityDirectory {
  /**
   * The one user whose verified email this is (case- and surrounding-whitespace-insensitively); null
   * when nobody has it verified. Users who have not verified it are ignored.
   */
  findUserByEmail(email: string): Promise<DirectoryUser | null>;
  getUser(userId: string): Promise<DirectoryUser | null>;
}

/** Injection token for the configured {@link IdentityDirectory} adapter. */
export const IDENTITY_DIRECTORY = token<IdentityDirectory>('IdentityDirectory');
