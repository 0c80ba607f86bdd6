export const HIERARCHY_LEVELS = ['DIVISION', 'GROUP', 'TEAM'] as const;
export type HierarchyLevel = (typeof HIERARCHY_LEVELS)[number];

/** Where a node sits: a division, a group in it, or a team in that group. */
export type NodePath =
  | { level: 'DIVISION'; divisionId: string }
  | { level: 'GROUP'; divisionId: string; groupId: string }
  | { level: 'TEAM'; divisionId: string; groupId: string; teamId: string };

export type DivisionPath = Extract<NodePath, { level: 'DIVISION' }>;
export type GroupPath = Extract<NodePath, { level: 'GROUP' }>;
export type TeamPath = Extract<NodePath, { level: 'TEAM' }>;

/** A division, group or team. `childCount` counts groups (division) or teams (group); teams count members. */
export interface HierarchyNode {
  tenantId: string;
  path: NodePath;
  name: string;
  description: string | null;
  childCount: number;
  memberCount: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface HierarchyNodeChanges {
  name?: string;
  description?: string | null;
}

/** The whole tree of a tenant, from one Query. */
export interface HierarchyTree {
  divisions: Array<HierarchyNode & { groups: Array<HierarchyNode & { teams: HierarchyNode[] }> }>;
}

/** The numbers a subtree delete touches, for the caller's audit event. */
export interface SubtreeDeletion {
  groups: number;
  teams: number;
  teamAssignments: number;
}

export const MAX_CHILDREN = 100;

export function nodeId(path: NodePath): string {
  switch (path.level) {
    case 'DIVISION':
      return path.divisionId;
    case 'GROUP':
      return path.groupId;
    case 'TEAM':
      return path.teamId;
  }
}
