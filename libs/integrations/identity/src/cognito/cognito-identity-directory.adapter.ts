import {
  AdminGetUserCommand,
  ListUsersCommand,
  UserNotFoundException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { ConflictError, UpstreamError } from '@bbws/shared-errors';
import type { DirectoryUser, IdentityDirectory } from '../identity-directory.port';
import { toDirectoryUser } from './cognito-user.mapper';

/** The most ListUsers returns per page. */
const LIST_USERS_LIMIT = 60;

/** The identity directory in AWS: the Cognito user pool, read with the admin API. */
export class CognitoIdentityDirectory implements IdentityDirectory {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  /**
   * ListUsers with an exact email filter, every page (the users sharing one email are few). Cognito
   * cannot filter on `email_verified`, so unverified users are left out here; two verified users with
   * the same email (a pool without unique emails) is a 409 rather than a guess.
   */
  async findUserByEmail(email: string): Promise<DirectoryUser | null> {
    const filter = `email = "${escapeFilterValue(email.trim())}"`;
    const verified: DirectoryUser[] = [];
    let paginationToken: string | undefined;
    do {
      const page = await this.call(() =>
        this.client.send(
          new ListUsersCommand({
            UserPoolId: this.userPoolId,
            Filter: filter,
            Limit: LIST_USERS_LIMIT,
            ...(paginationToken ? { PaginationToken: paginationToken } : {}),
          }),
        ),
      );
      verified.push(...(page.Users ?? []).map(toDirectoryUser).filter((user) => user.emailVerified));
      paginationToken = page.PaginationToken;
    } while (paginationToken);
    if (verified.length > 1) {
      throw new ConflictError(
        'EMAIL_AMBIGUOUS',
        'More than one user has verified this email address; the identity directory must resolve it',
        { matches: verified.length },
      );
    }
    return verified[0] ?? null;
  }

  async getUser(userId: string): Promise<DirectoryUser | null> {
    try {
      const user = await this.call(() =>
        this.client.send(new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: userId })),
      );
      return toDirectoryUser({ ...user, Attributes: user.UserAttributes });
    } catch (error) {
      if (error instanceof UserNotFoundException) return null;
      throw error;
    }
  }

  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof UserNotFoundException) throw error;
      const failure = error as {
        name?: string;
        message?: string;
        $retryable?: unknown;
        $metadata?: { httpStatusCode?: number };
      };
      const status = failure.$metadata?.httpStatusCode;
      throw new UpstreamError(
        `Cognito ${failure.name ?? 'request'} failed: ${failure.message ?? 'no message'}`,
        {
          upstreamStatus: status,
          retryable:
            Boolean(failure.$retryable) ||
            failure.name === 'TooManyRequestsException' ||
            (status ?? 0) >= 500,
        },
      );
    }
  }
}

/** Filter values are double-quoted; a quote or backslash inside must be escaped with a backslash. */
export function escapeFilterValue(value: string): string {
  return value.replace(/[\\"]/g, (character) => `\\${character}`);
}
