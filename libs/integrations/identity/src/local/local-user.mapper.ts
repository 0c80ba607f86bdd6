import type { DirectoryUser } from '../identity-directory.port';
import type { LocalUserItem } from './local-user.item';

/** Local users have no verification step: their email counts as verified. */
export function toDirectoryUser(item: LocalUserItem): DirectoryUser {
  return {
    userId: item.userId,
    email: item.email,
    name: item.name,
    status: item.status,
    emailVerified: true,
  };
}
