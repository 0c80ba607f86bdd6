import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import {
  MAX_TRANSACTION_ITEMS,
  TransactionBuilder,
  batchGetItems,
  deleteKey,
  inKeyOrder,
  paginatedQuery,
  putNew,
  readItem,
  staleOrMissing,
  versionedUpdate,
  type DynamoContext,
  type StoredItem,
  getItem,
} from '@bbws/data-access-dynamo';
import { fromMemberItem, memberKeys, type Member } from '@bbws/data-access-memberships';
import { ConcurrentChangeError, LimitReachedError, VersionConflictError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { normalizeName } from '@bbws/shared-util';
import {
  nodeId,
  type HierarchyNode,
  type HierarchyNodeChanges,
  type HierarchyTree,
  type NodePath,
  type SubtreeDeletion,
  type TeamPath,
} from './hierarchy.entity';
import { hierarchyKeys, nodeSortKey, teamPath } from './hierarchy.keys';
import {
  fromNodeItem,
  nameGuardItem,
  teamRefItem,
  toNodeItem,
  type NameGuardItem,
  type TeamMemberItem,
  type TeamRefItem,
} from './hierarchy.mapper';
import { buildTree } from './hierarchy-tree';
import { HierarchyWrites, counterOf, nameGuardKey, nameTaken, nodeMissing } from './hierarchy.writes';
import type { AuditEvent } from './tenant.entity';
import type { TenantDao } from './tenant.dao';

/**
 * Divisions > groups > teams in the tenant's partition. Sibling names are unique through name guards,
 * children are counted on the parent (at most 100, conditionally), and every write carries its audit event.
 */
export class HierarchyDao {
  private readonly writes: HierarchyWrites;

  constructor(
    private readonly db: DynamoContext,
    private readonly tenants: Pick<TenantDao, 'auditPut'>,
  ) {
    this.writes = new HierarchyWrites(db.tables.tenants);
  }

  private get table(): string {
    return this.db.tables.tenants;
  }

  /** The node, its name guard, the parent's child counter (and a team's id lookup), all or nothing. */
  async create(node: HierarchyNode, audit: AuditEvent): Promise<void> {
    const tx = new TransactionBuilder()
      .add(putNew(this.table, toNodeItem(node)))
      .add(putNew(this.table, nameGuardItem(node)), () => nameTaken(node.path, node.name))
      .add(...this.writes.parentIncrement(node))
      .add(this.tenants.auditPut(audit));
    if (node.path.level === 'TEAM')
      tx.add(putNew(this.table, teamRefItem(node.tenantId, node.path, node.createdAt)));
    await tx.commit(this.db.client);
  }

  async get(tenantId: string, path: NodePath): Promise<HierarchyNode | null> {
    const item = await getItem(this.db.client, this.table, hierarchyKeys.node(tenantId, path));
    return item && item.entityType === path.level ? fromNodeItem(item) : null;
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
      SK: readItem<NameGuardItem>(guard).childSK,
    }));
    const found = await batchGetItems(this.db.client, this.table, keys);
    return { items: inKeyOrder(keys, found).map(fromNodeItem), nextStartAt: guards.nextStartAt };
  }

  /** The whole tree with member counts per team: one Query on `begins_with(SK, 'DIV#')`, read to the end. */
  async tree(tenantId: string): Promise<HierarchyTree> {
    // Sort keys put every parent before its children.
    return buildTree((await this.queryAll(tenantId, hierarchyKeys.treePrefix)).map(fromNodeItem));
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
        staleOrMissing(expectedVersion, () => nodeMissing(current.path)),
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

  /** Deletes a node that has no children (a team: no members); otherwise a `HasChildrenError`. */
  async delete(current: HierarchyNode, expectedVersion: number, audit: AuditEvent): Promise<void> {
    const tx = new TransactionBuilder()
      .add(this.writes.deleteNode(current, { version: expectedVersion, count: 0 }), (old) =>
        this.writes.deleteFailure(current, expectedVersion, old),
      )
      .addAll(this.writes.companions(current))
      .add(this.writes.parentDecrement(current))
      .add(this.tenants.auditPut(audit));
    await tx.commit(this.db.client);
  }

  /**
   * Deletes the node, everything under it, their name guards and team assignments (taking the teams out
   * of their members' `teamIds`) in ONE transaction. Anything changed in the subtree meanwhile cancels it.
   * A subtree that needs more than one transaction is refused (`LimitReachedError` TRANSACTION_ITEMS). The audit
   * event's details get the numbers of groups, teams and team assignments deleted.
   */
  async deleteSubtree(
    root: HierarchyNode,
    expectedVersion: number,
    audit: AuditEvent,
  ): Promise<SubtreeDeletion> {
    const nodes = (await this.queryAll(root.tenantId, nodeSortKey(root.path))).map(fromNodeItem);
    const stored = nodes.find((node) => nodeId(node.path) === nodeId(root.path));
    if (!stored) throw nodeMissing(root.path);
    if (stored.version !== expectedVersion) throw new VersionConflictError(expectedVersion, stored.version);
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
      tx.add(this.writes.deleteNode(node, { version: node.version, count: counterOf(node) }), subtreeChanged);
      tx.addAll(this.writes.companions(node));
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
        subtreeChanged,
      );
    }
    const deletion: SubtreeDeletion = {
      groups: nodes.filter((node) => node.path.level === 'GROUP').length,
      teams: teams.length,
      teamAssignments: assignments.flat().length,
    };
    tx.add(this.writes.parentDecrement(root)).add(
      this.tenants.auditPut({ ...audit, details: { ...audit.details, ...deletion } }),
    );
    if (tx.size > MAX_TRANSACTION_ITEMS) {
      throw new LimitReachedError('TRANSACTION_ITEMS', MAX_TRANSACTION_ITEMS, { items: tx.size });
    }
    await tx.commit(this.db.client);
    return deletion;
  }

  /** Where each of these teams sits (unknown ids are left out). */
  async findTeams(tenantId: string, teamIds: readonly string[]): Promise<Map<string, TeamPath>> {
    const keys = [...new Set(teamIds)].map((teamId) => hierarchyKeys.teamRef(tenantId, teamId));
    const found = await batchGetItems(this.db.client, this.table, keys);
    const teams = new Map<string, TeamPath>();
    for (const item of found.values()) {
      const ref = readItem<TeamRefItem>(item);
      teams.set(ref.teamId, teamPath(ref.divisionId, ref.groupId, ref.teamId));
    }
    return teams;
  }

  private async teamMemberIds(tenantId: string, teamId: string): Promise<string[]> {
    const items = await this.queryAll(tenantId, hierarchyKeys.teamMemberPrefix(teamId));
    return items.map((item) => readItem<TeamMemberItem>(item).userId);
  }

  private async membersById(tenantId: string, userIds: string[]): Promise<Member[]> {
    const found = await batchGetItems(
      this.db.client,
      this.table,
      userIds.map((userId) => memberKeys.member(tenantId, userId)),
    );
    return [...found.values()].map(fromMemberItem);
  }

  private async queryAll(tenantId: string, prefix: string): Promise<StoredItem[]> {
    const items: StoredItem[] = [];
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
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }
}

const subtreeChanged = () => new ConcurrentChangeError('SUBTREE');
