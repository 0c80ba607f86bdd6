import type { HierarchyNode } from '@bbws/data-access-tenants';
import type { TenantAccess } from '@bbws/platform-auth';
import { link, links, type Links } from '@bbws/shared-hateoas';
import type { HierarchyNodeResponseDto, HierarchyTreeResponseDto } from './dto/hierarchy-node.response.dto';
import { hierarchyRoutes } from './hierarchy.routes';
import type { NodeView, TreeView } from './hierarchy.service';

/** A division, group or team, with the links the caller's role allows. */
export function presentNode({ node, access }: NodeView): HierarchyNodeResponseDto {
  return { ...nodeFields(node), _links: nodeLinks(node, access) };
}

export function presentTree({ tenantId, tree, access }: TreeView): HierarchyTreeResponseDto {
  const self = (node: HierarchyNode): Links => ({ self: link(hierarchyRoutes.node(tenantId, node.path)) });
  return {
    tenantId,
    divisions: tree.divisions.map((division) => ({
      ...nodeFields(division),
      groups: division.groups.map((group) => ({
        ...nodeFields(group),
        teams: group.teams.map((team) => ({ ...nodeFields(team), _links: self(team) })),
        _links: self(group),
      })),
      _links: self(division),
    })),
    _links: links([
      ['self', link(hierarchyRoutes.tree(tenantId))],
      ['divisions', link(hierarchyRoutes.divisions(tenantId))],
      ['createDivision', link(hierarchyRoutes.divisions(tenantId), 'POST'), isAdmin(access)],
      ['tenant', link(`/v1.0/tenants/${tenantId}`)],
    ]),
  };
}

function nodeFields(node: HierarchyNode): Omit<HierarchyNodeResponseDto, '_links'> {
  const { path } = node;
  const common = {
    name: node.name,
    description: node.description,
    createdAt: node.createdAt,
    createdBy: node.createdBy,
    updatedAt: node.updatedAt,
    updatedBy: node.updatedBy,
    version: node.version,
  };
  switch (path.level) {
    case 'DIVISION':
      return { divisionId: path.divisionId, ...common, groupCount: node.childCount };
    case 'GROUP':
      return { groupId: path.groupId, divisionId: path.divisionId, ...common, teamCount: node.childCount };
    case 'TEAM':
      return {
        teamId: path.teamId,
        groupId: path.groupId,
        divisionId: path.divisionId,
        ...common,
        memberCount: node.memberCount,
      };
  }
}

function nodeLinks(node: HierarchyNode, access: TenantAccess): Links {
  const { tenantId, path } = node;
  const self = hierarchyRoutes.node(tenantId, path);
  const admin = isAdmin(access);
  const children =
    path.level === 'DIVISION'
      ? (['groups', hierarchyRoutes.groups(tenantId, path.divisionId)] as const)
      : path.level === 'GROUP'
        ? (['teams', hierarchyRoutes.teams(tenantId, path.divisionId, path.groupId)] as const)
        : ([
            'members',
            hierarchyRoutes.teamMembers(tenantId, path.divisionId, path.groupId, path.teamId),
          ] as const);
  const parent =
    path.level === 'DIVISION'
      ? `/v1.0/tenants/${tenantId}`
      : path.level === 'GROUP'
        ? hierarchyRoutes.division(tenantId, path.divisionId)
        : hierarchyRoutes.group(tenantId, path.divisionId, path.groupId);
  const empty = node.childCount === 0 && node.memberCount === 0;
  return links([
    ['self', link(self)],
    ['update', link(self, 'PATCH'), admin],
    ['delete', link(self, 'DELETE'), admin && empty],
    ['deleteWithChildren', link(`${self}?cascade=true`, 'DELETE'), admin && !empty],
    [children[0], link(children[1])],
    [
      path.level === 'DIVISION' ? 'createGroup' : 'createTeam',
      link(children[1], 'POST'),
      admin && path.level !== 'TEAM',
    ],
    ['parent', link(parent)],
    ['collection', link(hierarchyRoutes.collection(tenantId, path))],
    ['hierarchy', link(hierarchyRoutes.tree(tenantId))],
  ]);
}

function isAdmin(access: TenantAccess): boolean {
  return access.isPlatformAdmin || access.role === 'ADMIN';
}
