import { GetCommand, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import {
  deleteKey,
  paginatedQuery,
  putNew,
  versionedUpdate,
  type DynamoContext,
  type TransactItem,
} from '@bbws/data-access-dynamo';
import { fromMemberItem, memberKeys, type Member } from '@bbws/data-access-memberships';
import {
  BusinessRuleError,
  ConflictError,
  NotFoundError,
  PreconditionFailedError,
} from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { normalizeName } from '@bbws/shared-util';
import { batchGetTenantItems, itemKey } from './batch-get';
import { counterUpdate } from './counter.expressions';
import {
  MAX_CHILDREN,
  nodeId,
  type HierarchyNode,
  type HierarchyNodeChanges,
  type HierarchyTree,
  type NodePath,
  type SubtreeDeletion,
  type TeamPath,
} from './hierarchy.entity';
import { hierarchyKeys, nodeSortKey, parentCounterOf, parentPathOf, teamPath } from './hierarchy.keys';
import { fromNodeItem, nameGuardItem, teamRefItem, toNodeItem } from './hierarchy.mapper';
import type { AuditEvent } from './tenant.entity';
import type { TenantDao } from './tenant.dao';
import { MAX_TRANSACTION_ITEMS, TransactionBuilder } from './transaction.builder';

/**
 * Divisions > groups > teams in the tenant's partition. Sibling names are unique through name guards,
 * children are counted on the parent (at most 100, conditionally), and every write carries its audit event.
 */
export class HierarchyDao {
  constructor(
    private readonly db: DynamoContext,
    private readonly tenants: TenantDao,
  ) {}

  private get table(): string {
    return this.db.tables.tenants;
  }

  /** The node, its name guard, the parent's child counter (and a team's id lookup), all or nothing. */
  async create(node: HierarchyNode, audit: AuditEvent): Promise<void> {
    const tx = new TransactionBuilder()
      .add(putNew(this.table, toNodeItem(node)))
      .add(putNew(this.table, nameGuardItem(node)), () => nameTaken(node.path, node.name))
      .add(
        counterUpdate({
          tableName: this.table,
          key: hierarchyKeys.parent(node.tenantId, node.path),
          attribute: parentCounterOf(node.path),
          delta: 1,
          below: MAX_CHILDREN,
        }),
        (old) => (old ? childLimit(node.path) : parentNotFound(node.tenantId, node.path)),
      )
      .add(this.tenants.auditPut(audit));
    if (node.path.level === 'TEAM')
      tx.add(putNew(this.table, teamRefItem(node.tenantId, node.path, node.createdAt)));
    await tx.commit(this.db.client);
  }

  async get(tenantId: string, path: NodePath): Promise<HierarchyNode | null> {
    const { Item } = await this.db.client.send(
      new GetCommand({
        TableName: this.table,
        Key: hierarchyKeys.node(tenantId, path),
        ConsistentRead: true,
      }),
    );
    return Item && Item.entityType === path.level ? fromNodeItem(Item) : null;
  }

  /** Children of the tenant (parent null), a division or a group, in name order (through their name guards). */
  async listChildren(
    tenantId: string,
    parent: NodePath | null,
    page: PageRequest,
  ): Promise<Page<HierarchyNode>> {
    const prefix = hierarchyKeys.nameGuardPrefix(parent ? nodeSortKey(parent) : 'TENANT');
    const guards = await paginatedQuery(this.db.client, this.db.cursors, {
      tableName: this.table,
      partition: hierarchyKeys.tenantPartition(tenantId),
      sortKey: { beginsWith: prefix },
      ...page,
    });
    const keys = guards.items.map((guard) => ({
      PK: hierarchyKeys.tenantPartition(tenantId),
      SK: guard.childSK as string,
    }));
    const found = await batchGetTenantItems(this.db, keys);
    const items = keys.flatMap((key) => {
      const item = found.get(itemKey(key));
      return item ? [fromNodeItem(item)] : [];
    });
    return { items, nextStartAt: guards.nextStartAt };
  }

  /** The whole tree with member counts per team: one Query on `begins_with(SK, 'DIV#')`, read to the end. */
  async tree(tenantId: string): Promise<HierarchyTree> {
    const nodes = (await this.queryAll(tenantId, hierarchyKeys.treePrefix)).map(fromNodeItem);
    const tree: HierarchyTree = { divisions: [] };
    const divisions = new Map<string, HierarchyTree['divisions'][number]>();
    const groups = new Map<string, HierarchyTree['divisions'][number]['groups'][number]>();
    // Sort keys put every parent before its children.
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

  /** Renames (moving the name guard) and/or changes the description if still at `expectedVersion`. */
  async update(
    current: HierarchyNode,
    expectedVersion: number,
    changes: HierarchyNodeChanges,
    actor: string,
    audit: AuditEvent,
  ): Promise<HierarchyNode> {
    const now = this.db.clock.now().toISOString();
    const next: HierarchyNode = {
      ...current,
      ...changes,
      updatedAt: now,
      updatedBy: actor,
      version: expectedVersion + 1,
    };
    const tx = new TransactionBuilder()
      .add(
        versionedUpdate({
          tableName: this.table,
          key: hierarchyKeys.node(current.tenantId, current.path),
          set: {
            name: next.name,
            normalizedName: normalizeName(next.name),
            description: next.description,
            updatedAt: now,
            updatedBy: actor,
          },
          expectedVersion,
        }),
        (old) =>
          old
            ? new PreconditionFailedError(expectedVersion, old.version as number)
            : nodeNotFound(current.path),
      )
      .add(this.tenants.auditPut(audit));
    if (normalizeName(current.name) !== normalizeName(next.name)) {
      tx.add(putNew(this.table, nameGuardItem(next)), () => nameTaken(current.path, next.name)).add(
        deleteKey(this.table, nameGuardKey(current)),
      );
    }
    await tx.commit(this.db.client);
    return next;
  }

  /** Deletes a node that has no children (a team: no members); otherwise 422 HAS_CHILDREN. */
  async delete(current: HierarchyNode, expectedVersion: number, audit: AuditEvent): Promise<void> {
    const tx = new TransactionBuilder()
      .add(this.deleteNodeItem(current, { version: expectedVersion, count: 0 }), (old) => {
        if (!old) return nodeNotFound(current.path);
        if (old.version !== expectedVersion)
          return new PreconditionFailedError(expectedVersion, old.version as number);
        return hasChildren(current.path);
      })
      .addAll(this.nodeCompanions(current))
      .add(this.parentDecrement(current))
      .add(this.tenants.auditPut(audit));
    await tx.commit(this.db.client);
  }

  /**
   * Deletes the node, everything under it, their name guards and team assignments (taking the teams out
   * of their members' `teamIds`) in ONE transaction. Anything changed in the subtree meanwhile cancels it.
   * A subtree that needs more than one transaction is refused with 422 CASCADE_TOO_LARGE. The audit
   * event's details get the numbers of groups, teams and team assignments deleted.
   */
  async deleteSubtree(
    root: HierarchyNode,
    expectedVersion: number,
    audit: AuditEvent,
  ): Promise<SubtreeDeletion> {
    const nodes = (await this.queryAll(root.tenantId, nodeSortKey(root.path))).map(fromNodeItem);
    const stored = nodes.find((node) => nodeId(node.path) === nodeId(root.path));
    if (!stored) throw nodeNotFound(root.path);
    if (stored.version !== expectedVersion)
      throw new PreconditionFailedError(expectedVersion, stored.version);
    const teams = nodes.filter(
      (node): node is HierarchyNode & { path: TeamPath } => node.path.level === 'TEAM',
    );
    const assignments = await Promise.all(
      teams.map((team) => this.teamMemberIds(root.tenantId, team.path.teamId)),
    );
    const deletedTeams = new Set(teams.map((team) => team.path.teamId));
    const members = await this.membersById(root.tenantId, [...new Set(assignments.flat())]);

    const tx = new TransactionBuilder();
    for (const node of nodes) {
      tx.add(this.deleteNodeItem(node, { version: node.version, count: counterOf(node) }), () =>
        subtreeChanged(),
      );
      tx.addAll(this.nodeCompanions(node));
    }
    teams.forEach((team, index) => {
      for (const userId of assignments[index]) {
        tx.add(deleteKey(this.table, hierarchyKeys.teamMember(root.tenantId, team.path.teamId, userId)));
      }
    });
    const now = this.db.clock.now().toISOString();
    for (const member of members) {
      tx.add(
        versionedUpdate({
          tableName: this.table,
          key: memberKeys.member(member.tenantId, member.userId),
          set: { teamIds: member.teamIds.filter((teamId) => !deletedTeams.has(teamId)), updatedAt: now },
          expectedVersion: member.version,
        }),
        () => subtreeChanged(),
      );
    }
    const deletion: SubtreeDeletion = {
      groups: nodes.filter((node) => node.path.level === 'GROUP').length,
      teams: teams.length,
      teamAssignments: assignments.flat().length,
    };
    tx.add(this.parentDecrement(root)).add(
      this.tenants.auditPut({ ...audit, details: { ...audit.details, ...deletion } }),
    );
    if (tx.size > MAX_TRANSACTION_ITEMS) {
      throw new BusinessRuleError(
        'CASCADE_TOO_LARGE',
        `Deleting this subtree touches ${tx.size} items, more than one transaction holds (${MAX_TRANSACTION_ITEMS}); ` +
          'delete some of its children first',
        { items: tx.size, limit: MAX_TRANSACTION_ITEMS },
      );
    }
    await tx.commit(this.db.client);
    return deletion;
  }

  /** Where each of these teams sits (unknown ids are left out). */
  async findTeams(tenantId: string, teamIds: readonly string[]): Promise<Map<string, TeamPath>> {
    const keys = [...new Set(teamIds)].map((teamId) => hierarchyKeys.teamRef(tenantId, teamId));
    const found = await batchGetTenantItems(this.db, keys);
    const teams = new Map<string, TeamPath>();
    for (const item of found.values()) {
      teams.set(
        item.teamId as string,
        teamPath(item.divisionId as string, item.groupId as string, item.teamId as string),
      );
    }
    return teams;
  }

  private deleteNodeItem(node: HierarchyNode, expected: { version: number; count: number }): TransactItem {
    return {
      Delete: {
        TableName: this.table,
        Key: hierarchyKeys.node(node.tenantId, node.path),
        ConditionExpression:
          'attribute_exists(PK) AND #version = :version AND (attribute_not_exists(#count) OR #count = :count)',
        ExpressionAttributeNames: {
          '#version': 'version',
          '#count': node.path.level === 'TEAM' ? 'memberCount' : 'childCount',
        },
        ExpressionAttributeValues: { ':version': expected.version, ':count': expected.count },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  /** The name guard and (teams) the id lookup that live and die with a node. */
  private nodeCompanions(node: HierarchyNode): Array<readonly [TransactItem]> {
    const items: Array<readonly [TransactItem]> = [[deleteKey(this.table, nameGuardKey(node))]];
    if (node.path.level === 'TEAM')
      items.push([deleteKey(this.table, hierarchyKeys.teamRef(node.tenantId, node.path.teamId))]);
    return items;
  }

  private parentDecrement(node: HierarchyNode): TransactItem {
    return counterUpdate({
      tableName: this.table,
      key: hierarchyKeys.parent(node.tenantId, node.path),
      attribute: parentCounterOf(node.path),
      delta: -1,
    });
  }

  private async teamMemberIds(tenantId: string, teamId: string): Promise<string[]> {
    const items = await this.queryAll(tenantId, hierarchyKeys.teamMemberPrefix(teamId));
    return items.map((item) => item.userId as string);
  }

  private async membersById(tenantId: string, userIds: string[]): Promise<Member[]> {
    const found = await batchGetTenantItems(
      this.db,
      userIds.map((userId) => memberKeys.member(tenantId, userId)),
    );
    return [...found.values()].map(fromMemberItem);
  }

  private async queryAll(tenantId: string, prefix: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page: QueryCommandOutput = await this.db.client.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':pk': hierarchyKeys.tenantPartition(tenantId), ':prefix': prefix },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      items.push(...((page.Items ?? []) as Record<string, unknown>[]));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

function counterOf(node: HierarchyNode): number {
  return node.path.level === 'TEAM' ? node.memberCount : node.childCount;
}

function nameGuardKey(node: HierarchyNode) {
  return hierarchyKeys.nameGuard(node.tenantId, parentPathOf(node.path), normalizeName(node.name));
}

function nameTaken(path: NodePath, name: string): ConflictError {
  const thing = path.level.toLowerCase();
  return new ConflictError(`${path.level}_NAME_TAKEN`, `A ${thing} named "${name}" already exists here`, {
    name,
  });
}

function childLimit(path: NodePath): BusinessRuleError {
  return new BusinessRuleError(
    'CHILD_LIMIT_REACHED',
    `Its parent already has ${MAX_CHILDREN} ${path.level.toLowerCase()}s`,
    {
      limit: MAX_CHILDREN,
    },
  );
}

function parentNotFound(tenantId: string, path: NodePath): NotFoundError {
  switch (path.level) {
    case 'DIVISION':
      return new NotFoundError('TENANT', tenantId);
    case 'GROUP':
      return new NotFoundError('DIVISION', path.divisionId);
    case 'TEAM':
      return new NotFoundError('GROUP', path.groupId);
  }
}

export function nodeNotFound(path: NodePath): NotFoundError {
  return new NotFoundError(path.level, nodeId(path));
}

function hasChildren(path: NodePath): BusinessRuleError {
  const what = path.level === 'TEAM' ? 'members' : path.level === 'GROUP' ? 'teams' : 'groups';
  return new BusinessRuleError(
    'HAS_CHILDREN',
    `The ${path.level.toLowerCase()} still has ${what}; pass ?cascade=true to delete them too`,
  );
}

function subtreeChanged(): ConflictError {
  return new ConflictError('CONFLICT', 'The subtree changed while it was being deleted; retry');
}
