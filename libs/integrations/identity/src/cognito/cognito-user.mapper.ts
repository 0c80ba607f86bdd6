import type { AttributeType, UserStatusType } from '@aws-sdk/client-cognito-identity-provider';
import type { DirectoryUser, DirectoryUserStatus } from '../identity-directory.port';

export interface CognitoUserRecord {
  Username?: string;
  Attributes?: AttributeType[];
  Enabled?: boolean;
  UserStatus?: UserStatusType | string;
}

export function toDirectoryUser(record: CognitoUserRecord): DirectoryUser {
  const attribute = (name: string) => record.Attributes?.find((candidate) => candidate.Name === name)?.Value;
  const email = attribute('email') ?? '';
  const fullName = [attribute('given_name'), attribute('family_name')].filter(Boolean).join(' ');
  return {
    userId: attribute('sub') ?? record.Username ?? '',
    email,
    name: attribute('name') ?? (fullName || email.slice(0, Math.max(email.indexOf('@'), 0))),
    status: toStatus(record),
    emailVerified: attribute('email_verified') === 'true',
  };
}

function toStatus(record: CognitoUserRecord): DirectoryUserStatus {
  if (record.Enabled === false) return 'DISABLED';
  switch (record.UserStatus) {
    case 'CONFIRMED':
    case 'EXTERNAL_PROVIDER':
      return 'ACTIVE';
    case 'UNCONFIRMED':
    case 'FORCE_CHANGE_PASSWORD':
    case 'RESET_REQUIRED':
      return 'PENDING';
    case undefined:
    default:
      return 'DISABLED';
  }
}
