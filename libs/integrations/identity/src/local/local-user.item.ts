import type { ItemBase, VersionedItemBase } from '@bbws/data-access-dynamo';
import type { DirectoryUserStatus } from '../identity-directory.port';

export interface LocalUserItem extends VersionedItemBase {
  entityType: 'USER';
  GSI1PK: string;
  GSI1SK: 'USER';
  userId: string;
  email: string;
  name: string;
  status: DirectoryUserStatus;
}

/** Holds an email for one user: written in the same transaction as the user, so emails stay unique. */
export interface LocalUserEmailGuardItem extends ItemBase {
  entityType: 'USER_EMAIL_GUARD';
  userId: string;
}
