import { readItem, type ItemBase, type StoredItem, type VersionedItemBase } from '@bbws/data-access-dynamo';
import { normalizeName } from '@bbws/shared-util';
import type { HierarchyLevel, HierarchyNode, NodePath, TeamPath } from './hierarchy.entity';
import { hierarchyKeys, parentPathOf } from './hierarchy.keys';

export const HIERARCHY_SCHEMA_VERSION = 1;

interface PathAttributes {
  divisionId: string;
  groupId?: string;
  teamId?: string;
}

/** A division, group or team as stored (`entityType` is its level). */
export interface NodeItem extends VersionedItemBase, PathAttributes {
  entityType: HierarchyLevel;
  tenantId: string;
  name: string;
  normalizedName: string;
  description?: string | null;
  childCount?: number;
  memberCount?: number;
  createdBy: string;
  updatedBy: string;
}

/** Reserves a name among siblings and points at the node holding it. */
export interface NameGuardItem extends ItemBase {
  entityType: 'NAME_GUARD';
  tenantId: string;
  childSK: string;
}

/** Finds a team (and its division and group) by team id. */
export interface TeamRefItem extends ItemBase, PathAttributes {
  entityType: 'TEAM_REF';
  tenantId: string;
  groupId: string;
  teamId: string;
}

/** One member's assignment to one team. */
export interface TeamMemberItem extends ItemBase {
  entityType: 'TEAM_MEMBER';
  tenantId: string;
  teamId: string;
  userId: string;
}

export function toNodeItem(node: HierarchyNode): NodeItem {
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

export function fromNodeItem(stored: StoredItem): HierarchyNode {
  const item = readItem<NodeItem>(stored);
  return {
    tenantId: item.tenantId,
    path: pathFromItem(item),
    name: item.name,
    description: item.description ?? null,
    childCount: item.childCount ?? 0,
    memberCount: item.memberCount ?? 0,
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
    version: item.version,
  };
}

export function nameGuardItem(node: HierarchyNode, name = node.name): NameGuardItem {
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

export function teamRefItem(tenantId: string, path: TeamPath, at: string): TeamRefItem {
  return {
    ...hierarchyKeys.teamRef(tenantId, path.teamId),
    entityType: 'TEAM_REF',
    schemaVersion: HIERARCHY_SCHEMA_VERSION,
    tenantId,
    divisionId: path.divisionId,
    groupId: path.groupId,
    teamId: path.teamId,
    createdAt: at,
    updatedAt: at,
  };
}

export function teamAssignmentItem(
  tenantId: string,
  teamId: string,
  userId: string,
  at: string,
): TeamMemberItem {
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

export function pathFromItem(item: Pick<NodeItem, 'entityType' | keyof PathAttributes>): NodePath {
  const level = item.entityType;
  const { divisionId } = item;
  if (level === 'DIVISION') return { level, divisionId };
  const groupId = item.groupId as string;
  if (level === 'GROUP') return { level, divisionId, groupId };
  return { level: 'TEAM', divisionId, groupId, teamId: item.teamId as string };
}

function pathAttributes(path: NodePath): PathAttributes {
  const { level: _level, ...ids } = path;
  return ids;
}
