import { normalizeName } from '@bbws/shared-util';
import type { HierarchyLevel, HierarchyNode, NodePath, TeamPath } from './hierarchy.entity';
import { hierarchyKeys, parentPathOf } from './hierarchy.keys';

export const HIERARCHY_SCHEMA_VERSION = 1;

export function toNodeItem(node: HierarchyNode): Record<string, unknown> {
  const { path, ...rest } = node;
  return {
    ...hierarchyKeys.node(node.tenantId, path),
    entityType: path.level,
    schemaVersion: HIERARCHY_SCHEMA_VERSION,
    ...pathAttributes(path),
    ...rest,
    normalizedName: normalizeName(node.name),
  };
}

export function fromNodeItem(item: Record<string, unknown>): HierarchyNode {
  return {
    tenantId: item.tenantId as string,
    path: pathFromItem(item),
    name: item.name as string,
    description: (item.description as string | null | undefined) ?? null,
    childCount: (item.childCount as number | undefined) ?? 0,
    memberCount: (item.memberCount as number | undefined) ?? 0,
    createdAt: item.createdAt as string,
    createdBy: item.createdBy as string,
    updatedAt: item.updatedAt as string,
    updatedBy: item.updatedBy as string,
    version: item.version as number,
  };
}

export function nameGuardItem(node: HierarchyNode, name = node.name): Record<string, unknown> {
  const parentPath = parentPathOf(node.path);
  return {
    ...hierarchyKeys.nameGuard(node.tenantId, parentPath, normalizeName(name)),
    entityType: 'NAME_GUARD',
    schemaVersion: HIERARCHY_SCHEMA_VERSION,
    tenantId: node.tenantId,
    childSK: hierarchyKeys.node(node.tenantId, node.path).SK,
    createdAt: node.updatedAt,
    updatedAt: node.updatedAt,
  };
}

export function teamRefItem(tenantId: string, path: TeamPath, at: string): Record<string, unknown> {
  return {
    ...hierarchyKeys.teamRef(tenantId, path.teamId),
    entityType: 'TEAM_REF',
    schemaVersion: HIERARCHY_SCHEMA_VERSION,
    tenantId,
    ...pathAttributes(path),
    createdAt: at,
    updatedAt: at,
  };
}

export function teamAssignmentItem(
  tenantId: string,
  teamId: string,
  userId: string,
  at: string,
): Record<string, unknown> {
  return {
    ...hierarchyKeys.teamMember(tenantId, teamId, userId),
    entityType: 'TEAM_MEMBER',
    schemaVersion: HIERARCHY_SCHEMA_VERSION,
    tenantId,
    teamId,
    userId,
    createdAt: at,
    updatedAt: at,
  };
}

export function pathFromItem(item: Record<string, unknown>): NodePath {
  const level = item.entityType as HierarchyLevel;
  const divisionId = item.divisionId as string;
  if (level === 'DIVISION') return { level, divisionId };
  const groupId = item.groupId as string;
  if (level === 'GROUP') return { level, divisionId, groupId };
  return { level: 'TEAM', divisionId, groupId, teamId: item.teamId as string };
}

function pathAttributes(path: NodePath): Record<string, string> {
  const { level: _level, ...ids } = path;
  return ids;
}
