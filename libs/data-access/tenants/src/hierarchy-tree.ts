import { normalizeName } from '@bbws/shared-util';
import type { HierarchyNode, HierarchyTree } from './hierarchy.entity';

/** Nests nodes read in sort-key order (every parent before its children) into a tree sorted by name. */
export function buildTree(nodes: readonly HierarchyNode[]): HierarchyTree {
  const tree: HierarchyTree = { divisions: [] };
  const divisions = new Map<string, HierarchyTree['divisions'][number]>();
  const groups = new Map<string, HierarchyTree['divisions'][number]['groups'][number]>();
  for (const node of nodes) {
    const { path } = node;
    if (path.level === 'DIVISION') {
      const division = { ...node, groups: [] };
      divisions.set(path.divisionId, division);
      tree.divisions.push(division);
    } else if (path.level === 'GROUP') {
      const group = { ...node, teams: [] };
      groups.set(path.groupId, group);
      divisions.get(path.divisionId)?.groups.push(group);
    } else {
      groups.get(path.groupId)?.teams.push(node);
    }
  }
  const byName = (a: HierarchyNode, b: HierarchyNode) =>
    normalizeName(a.name).localeCompare(normalizeName(b.name));
  tree.divisions.sort(byName);
  for (const division of tree.divisions) {
    division.groups.sort(byName);
    for (const group of division.groups) group.teams.sort(byName);
  }
  return tree;
}
