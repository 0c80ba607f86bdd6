import {
  TransactionBuilder,
  batchGetItems,
  deleteKey,
  inKeyOrder,
  paginatedQuery,
  put,
  putNew,
  readItem,
  staleOrMissing,
  versionedUpdate,
  type DynamoContext,
  type TransactItem,
  type TransactionEntry,
  getItem,
} from '@bbws/data-access-dynamo';
import {
  fromMemberItem,
  memberKeys,
  toMemberItem,
  type Member,
  type TenantRole,
} from '@bbws/data-access-memberships';
import { AlreadyMemberError, ItemMissingError, LastAdminError, UnknownTeamError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { counterUpdate } from './counter.expressions';
import type { TeamPath } from './hierarchy.entity';
import { hierarchyKeys } from './hierarchy.keys';
import { teamAssignmentItem, type TeamMemberItem } from './hierarchy.mapper';
import type { AuditEvent } from './tenant.entity';
import { tenantKeys } from './tenant.keys';
import type { TenantDao } from './tenant.dao';

export interface MemberFilter {
  role?: TenantRole;
  teamId?: string;
}

export interface MemberChanges {
  role?: TenantRole;
  teamIds?: string[];
}

/** Teams a membership change joins and leaves, with their places in the hierarchy. */
export interface TeamMoves {
  joined: TeamPath[];
  left: TeamPath[];
}

type Entry = TransactionEntry;

/**
 * Membership writes, each in one transaction with the tenant's `adminCount` (conditionally updated:
 * the last ADMIN can never be demoted or removed, even by concurrent requests), the teams' member
 * counters and assignment items, and an audit event.
 */
export class MemberDao {
  constructor(
    private readonly db: DynamoContext,
    private readonly tenants: Pick<TenantDao, 'auditPut'>,
  ) {}

  private get table(): string {
    return this.db.tables.tenants;
  }

  async get(tenantId: string, userId: string): Promise<Member | null> {
    const item = await getItem(this.db.client, this.table, memberKeys.member(tenantId, userId));
    return item ? fromMemberItem(item) : null;
  }

  /** A tenant's members in user-id order, optionally only one role and/or one team. */
  async list(tenantId: string, filter: MemberFilter, page: PageRequest): Promise<Page<Member>> {
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (filter.role) {
      conditions.push('#role = :role');
      names['#role'] = 'role';
      values[':role'] = filter.role;
    }
    if (filter.teamId) {
      conditions.push('contains(#teamIds, :teamId)');
      names['#teamIds'] = 'teamIds';
      values[':teamId'] = filter.teamId;
    }
    const result = await paginatedQuery(this.db.client, this.db.cursors, {
      tableName: this.table,
      partition: memberKeys.tenantPartition(tenantId),
      sortKey: { beginsWith: memberKeys.memberPrefix },
      ...(conditions.length ? { filter: { expression: conditions.join(' AND '), names, values } } : {}),
      ...page,
    });
    return { items: result.items.map(fromMemberItem), nextStartAt: result.nextStartAt };
  }

  /** The members assigned to one team (through its assignment items), in user-id order. */
  async listByTeam(tenantId: string, teamId: string, page: PageRequest): Promise<Page<Member>> {
    const prefix = hierarchyKeys.teamMemberPrefix(teamId);
    const assignments = await paginatedQuery(this.db.client, this.db.cursors, {
      tableName: this.table,
      partition: memberKeys.tenantPartition(tenantId),
      sortKey: { beginsWith: prefix },
      ...page,
    });
    const keys = assignments.items.map((item) =>
      memberKeys.member(tenantId, readItem<TeamMemberItem>(item).userId),
    );
    const found = await batchGetItems(this.db.client, this.table, keys);
    return { items: inKeyOrder(keys, found).map(fromMemberItem), nextStartAt: assignments.nextStartAt };
  }

  async add(member: Member, audit: AuditEvent, teams: readonly TeamPath[] = []): Promise<void> {
    await new TransactionBuilder()
      .addAll(this.joinEntries(member, teams))
      .add(this.tenants.auditPut(audit))
      .commit(this.db.client);
  }

  /**
   * The items that make a user a member (membership, admin counter, team counters and assignments),
   * for transactions assembled elsewhere (accepting an invitation).
   */
  joinEntries(member: Member, teams: readonly TeamPath[]): Entry[] {
    return [
      [putNew(this.table, toMemberItem(member)), () => new AlreadyMemberError(member.userId)],
      [
        this.adminCounter(member.tenantId, member.role === 'ADMIN' ? 1 : 0),
        () => new ItemMissingError('TENANT', member.tenantId),
      ],
      ...this.teamEntries(member.tenantId, member.userId, { joined: [...teams], left: [] }, member.joinedAt),
    ];
  }

  /** Changes role and/or teams if the member is still at `expectedVersion`; returns the member as written. */
  async update(
    current: Member,
    expectedVersion: number,
    changes: MemberChanges,
    audit: AuditEvent,
    teams: TeamMoves,
  ): Promise<Member> {
    const now = this.db.clock.now().toISOString();
    const next: Member = { ...current, ...changes, updatedAt: now, version: expectedVersion + 1 };
    const tx = new TransactionBuilder().add(
      versionedUpdate({
        tableName: this.table,
        key: memberKeys.member(current.tenantId, current.userId),
        set: { role: next.role, teamIds: next.teamIds, updatedAt: now },
        expectedVersion,
      }),
      staleOrMissing(expectedVersion, () => memberMissing(current.userId)),
    );
    if (current.role === 'ADMIN' && next.role !== 'ADMIN') tx.add(...this.lastAdminGuard(current.tenantId));
    if (current.role !== 'ADMIN' && next.role === 'ADMIN') tx.add(this.adminCounter(current.tenantId, 1));
    tx.addAll(this.teamEntries(current.tenantId, current.userId, teams, now)).add(
      this.tenants.auditPut(audit),
    );
    await tx.commit(this.db.client);
    return next;
  }

  /** Removes the membership and its team assignments; the last ADMIN stays (`LastAdminError`). */
  async remove(
    current: Member,
    expectedVersion: number,
    audit: AuditEvent,
    teams: readonly TeamPath[],
  ): Promise<void> {
    const tx = new TransactionBuilder().add(
      {
        Delete: {
          TableName: this.table,
          Key: memberKeys.member(current.tenantId, current.userId),
          ConditionExpression: 'attribute_exists(PK) AND #version = :version',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: { ':version': expectedVersion },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      },
      staleOrMissing(expectedVersion, () => memberMissing(current.userId)),
    );
    if (current.role === 'ADMIN') tx.add(...this.lastAdminGuard(current.tenantId));
    const now = this.db.clock.now().toISOString();
    tx.addAll(this.teamEntries(current.tenantId, current.userId, { joined: [], left: [...teams] }, now)).add(
      this.tenants.auditPut(audit),
    );
    await tx.commit(this.db.client);
  }

  private adminCounter(tenantId: string, delta: number): TransactItem {
    return counterUpdate({
      tableName: this.table,
      key: tenantKeys.tenant(tenantId),
      attribute: 'adminCount',
      delta,
    });
  }

  /** Decrements `adminCount` only while another ADMIN remains. */
  private lastAdminGuard(tenantId: string): Entry {
    return [
      counterUpdate({
        tableName: this.table,
        key: tenantKeys.tenant(tenantId),
        attribute: 'adminCount',
        delta: -1,
        above: 1,
      }),
      (old) => (old ? new LastAdminError(tenantId) : new ItemMissingError('TENANT', tenantId)),
    ];
  }

  private teamEntries(tenantId: string, userId: string, teams: TeamMoves, at: string): Entry[] {
    const entries: Entry[] = [];
    for (const team of teams.joined) {
      entries.push(
        [
          counterUpdate({
            tableName: this.table,
            key: hierarchyKeys.node(tenantId, team),
            attribute: 'memberCount',
            delta: 1,
          }),
          () => new UnknownTeamError(team.teamId),
        ],
        [put(this.table, teamAssignmentItem(tenantId, team.teamId, userId, at))],
      );
    }
    for (const team of teams.left) {
      entries.push(
        [
          counterUpdate({
            tableName: this.table,
            key: hierarchyKeys.node(tenantId, team),
            attribute: 'memberCount',
            delta: -1,
          }),
        ],
        [deleteKey(this.table, hierarchyKeys.teamMember(tenantId, team.teamId, userId))],
      );
    }
    return entries;
  }
}

function memberMissing(userId: string): ItemMissingError {
  return new ItemMissingError('MEMBER', userId);
}
