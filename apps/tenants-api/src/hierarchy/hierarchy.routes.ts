import type { NodePath } from '@bbws/data-access-tenants';

const tenant = (tenantId: string) => `/v1.0/tenants/${tenantId}`;

/** Every href of the hierarchy API comes from here. */
export const hierarchyRoutes = {
  tree: (tenantId: string) => `${tenant(tenantId)}/hierarchy`,
  divisions: (tenantId: string) => `${tenant(tenantId)}/divisions`,
  division: (tenantId: string, divisionId: string) => `${tenant(tenantId)}/divisions/${divisionId}`,
  groups: (tenantId: string, divisionId: string) => `${tenant(tenantId)}/divisions/${divisionId}/groups`,
  group: (tenantId: string, divisionId: string, groupId: string) =>
    `${tenant(tenantId)}/divisions/${divisionId}/groups/${groupId}`,
  teams: (tenantId: string, divisionId: string, groupId: string) =>
    `${hierarchyRoutes.group(tenantId, divisionId, groupId)}/teams`,
  team: (tenantId: string, divisionId: string, groupId: string, teamId: string) =>
    `${hierarchyRoutes.teams(tenantId, divisionId, groupId)}/${teamId}`,
  teamMembers: (tenantId: string, divisionId: string, groupId: string, teamId: string) =>
    `${hierarchyRoutes.team(tenantId, divisionId, groupId, teamId)}/members`,

  node(tenantId: string, path: NodePath): string {
    switch (path.level) {
      case 'DIVISION':
        return hierarchyRoutes.division(tenantId, path.divisionId);
      case 'GROUP':
        return hierarchyRoutes.group(tenantId, path.divisionId, path.groupId);
      case 'TEAM':
        return hierarchyRoutes.team(tenantId, path.divisionId, path.groupId, path.teamId);
    }
  },

  /** The collection a node belongs to (its siblings). */
  collection(tenantId: string, path: NodePath): string {
    switch (path.level) {
      case 'DIVISION':
        return hierarchyRoutes.divisions(tenantId);
      case 'GROUP':
        return hierarchyRoutes.groups(tenantId, path.divisionId);
      case 'TEAM':
        return hierarchyRoutes.teams(tenantId, path.divisionId, path.groupId);
    }
  },
};
