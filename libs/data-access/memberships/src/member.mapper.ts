import { readItem, type StoredItem, type VersionedItemBase } from '@bbws/data-access-dynamo';
import type { Member } from './member.entity';
import { memberKeys } from './member.keys';

/** A membership as stored: the entity plus keys and the user's index (GSI1: user -> tenants). */
export interface MemberItem extends VersionedItemBase, Omit<Member, 'name' | 'teamIds'> {
  entityType: 'MEMBER';
  GSI1PK: string;
  GSI1SK: string;
  name?: string;
  teamIds?: string[];
}

export function toMemberItem(member: Member): MemberItem {
  return {
    ...memberKeys.member(member.tenantId, member.userId),
    GSI1PK: memberKeys.userTenants(member.userId),
    GSI1SK: memberKeys.userTenantSort(member.tenantId),
    entityType: 'MEMBER',
    schemaVersion: 1,
    createdAt: member.joinedAt,
    ...member,
  };
}

export function fromMemberItem(stored: StoredItem): Member {
  const item = readItem<MemberItem>(stored);
  return {
    tenantId: item.tenantId,
    userId: item.userId,
    email: item.email,
    name: item.name ?? '',
    role: item.role,
    teamIds: item.teamIds ?? [],
    joinedAt: item.joinedAt,
    addedBy: item.addedBy,
    updatedAt: item.updatedAt,
    version: item.version,
  };
}
