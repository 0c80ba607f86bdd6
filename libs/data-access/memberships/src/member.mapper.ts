import type { Member } from './member.entity';
import { memberKeys } from './member.keys';

export function toMemberItem(member: Member): Record<string, unknown> {
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

export function fromMemberItem(item: Record<string, unknown>): Member {
  return {
    tenantId: item.tenantId as string,
    userId: item.userId as string,
    email: item.email as string,
    name: (item.name as string | undefined) ?? '',
    role: item.role as Member['role'],
    teamIds: (item.teamIds as string[] | undefined) ?? [],
    joinedAt: item.joinedAt as string,
    addedBy: item.addedBy as string,
    updatedAt: item.updatedAt as string,
    version: item.version as number,
  };
}
