import {
  AdminGetUserCommand,
  ListUsersCommand,
  UserNotFoundException,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { UpstreamError } from '@bbws/shared-errors';
import type { DirectoryUser, IdentityDirectory } from '../identity-directory.port';
import { toDirectoryUser } from './cognito-user.mapper';

/** The identity directory in AWS: the Cognito user pool, read with the admin API. */
export class CognitoIdentityDirectory implements IdentityDirectory {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async findUserByEmail(email: string): Promise<DirectoryUser | null> {
    const { Users } = await this.call(() =>
      this.client.send(
        new ListUsersCommand({
          UserPoolId: this.userPoolId,
          Filter: `email = "${escapeFilterValue(email.trim())}"`,
          Limit: 1,
        }),
      ),
    );
    const user = Users?.[0];
    return user ? toDirectoryUser(user) : null;
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
