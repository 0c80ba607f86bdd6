import type { NodePath, TeamPath } from './hierarchy.entity';

const partition = (tenantId: string) => `TENANT#${tenantId}`;

/** Sort key of a node: `DIV#{d}`, `DIV#{d}#GRP#{g}`, `DIV#{d}#GRP#{g}#TEAM#{t}` (DATA.md). */
export function nodeSortKey(path: NodePath): string {
  switch (path.level) {
    case 'DIVISION':
      return `DIV#${path.divisionId}`;
    case 'GROUP':
      return `DIV#${path.divisionId}#GRP#${path.groupId}`;
    case 'TEAM':
      return `DIV#${path.divisionId}#GRP#${path.groupId}#TEAM#${path.teamId}`;
  }
}

/** The parent a node's name must be unique under: the tenant, a division or a group. */
export function parentPathOf(path: NodePath): string {
  switch (path.level) {
    case 'DIVISION':
      return 'TENANT';
    case 'GROUP':
      return `DIV#${path.divisionId}`;
    case 'TEAM':
      return `DIV#${path.divisionId}#GRP#${path.groupId}`;
  }
}

export const hierarchyKeys = {
  treePrefix: 'DIV#',
  node: (tenantId: string, path: NodePath) => ({ PK: partition(tenantId), SK: nodeSortKey(path) }),
  /** The item whose child counter a node counts against: the tenant item for divisions. */
  parent: (tenantId: string, path: NodePath) =>
    path.level === 'DIVISION'
      ? { PK: partition(tenantId), SK: 'TENANT' }
      : { PK: partition(tenantId), SK: parentPathOf(path) },
  /**
   * `NAME#{parentPath}/{normalizedName}`: the `/` ends the parent path, so listing the children of a
   * division by prefix does not also return the names of its groups' teams.
   */
  nameGuard: (tenantId: string, parentPath: string, normalizedName: string) => ({
    PK: partition(tenantId),
    SK: `NAME#${parentPath}/${normalizedName}`,
  }),
  nameGuardPrefix: (parentPath: string) => `NAME#${parentPath}/`,
  /** Finds a team's place from its id alone (member team assignments carry only team ids). */
  teamRef: (tenantId: string, teamId: string) => ({ PK: partition(tenantId), SK: `TEAMREF#${teamId}` }),
  teamMember: (tenantId: string, teamId: string, userId: string) => ({
    PK: partition(tenantId),
    SK: `TEAMMEMBER#${teamId}#${userId}`,
  }),
  teamMemberPrefix: (teamId: string) => `TEAMMEMBER#${teamId}#`,
  tenantPartition: partition,
};

/** The counter attribute on the parent item. */
export function parentCounterOf(path: NodePath): 'divisionCount' | 'childCount' {
  return path.level === 'DIVISION' ? 'divisionCount' : 'childCount';
}

export function teamPath(divisionId: string, groupId: string, teamId: string): TeamPath {
  return { level: 'TEAM', divisionId, groupId, teamId };
}
