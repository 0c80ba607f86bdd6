import {
  TransactionBuilder,
  deleteKey,
  paginatedQuery,
  put,
  putNew,
  readItem,
  type DynamoContext,
  type KeyQuery,
  type TransactionEntry,
  getItem,
} from '@bbws/data-access-dynamo';
import { memberKeys, type Member } from '@bbws/data-access-memberships';
import { AlreadyMemberError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import type { TeamPath } from './hierarchy.entity';
import { type Invitation, type InvitationStatus, type StoredInvitationStatus } from './invitation.entity';
import { invitationKeys } from './invitation.keys';
import {
  fromInvitationItem,
  pendingGuardItem,
  pendingInvitationTtl,
  toInvitationItem,
  tokenItem,
  type InvitationTokenItem,
} from './invitation.mapper';
import { InvitationWrites } from './invitation.writes';
import type { MemberDao } from './member.dao';
import type { AuditEvent } from './tenant.entity';
import type { TenantDao } from './tenant.dao';

/** A token's record: which invitation it opens, and whether it was used. */
export interface InvitationTokenRecord {
  tenantId: string;
  invitationId: string;
  consumedAt: string | null;
}

/**
 * Invitations with their pending guard (one pending invitation per tenant and email), their token item
 * (keyed by the token's SHA-256, never the token) and audit events, each change in one transaction.
 */
export class InvitationDao {
  private readonly writes: InvitationWrites;

  constructor(
    private readonly db: DynamoContext,
    private readonly tenants: Pick<TenantDao, 'auditPut'>,
    private readonly members: Pick<MemberDao, 'joinEntries'>,
  ) {
    this.writes = new InvitationWrites(db.tables.tenants);
  }

  private get table(): string {
    return this.db.tables.tenants;
  }

  /**
   * Stores a new PENDING invitation. An expired pending invitation for the same email gives way; a live
   * one is a `DuplicateInvitationError`. With `knownUserId`, a membership written meanwhile is an `AlreadyMemberError`.
   */
  async create(invitation: Invitation, audit: AuditEvent, knownUserId?: string): Promise<void> {
    const tx = new TransactionBuilder()
      .add(putNew(this.table, toInvitationItem(invitation)))
      .add(...this.writes.claimPendingGuard(invitation))
      .add(putNew(this.table, tokenItem(invitation, invitation.tokenHash)))
      .add(this.tenants.auditPut(audit));
    if (knownUserId) {
      tx.add(
        {
          ConditionCheck: {
            TableName: this.table,
            Key: memberKeys.member(invitation.tenantId, knownUserId),
            ConditionExpression: 'attribute_not_exists(PK)',
          },
        },
        () => new AlreadyMemberError(knownUserId),
      );
    }
    await tx.commit(this.db.client);
  }

  async get(tenantId: string, invitationId: string): Promise<Invitation | null> {
    const item = await getItem(this.db.client, this.table, invitationKeys.invitation(tenantId, invitationId));
    return item ? fromInvitationItem(item) : null;
  }

  async findToken(tokenHash: string): Promise<InvitationTokenRecord | null> {
    const item = await getItem(this.db.client, this.table, invitationKeys.token(tokenHash));
    if (!item) return null;
    const token = readItem<InvitationTokenItem>(item);
    return {
      tenantId: token.tenantId,
      invitationId: token.invitationId,
      consumedAt: token.consumedAt ?? null,
    };
  }

  /** Newest first; a status filter reads that status's index partition (PENDING and EXPIRED split by expiry). */
  async list(
    tenantId: string,
    status: InvitationStatus | undefined,
    now: Date,
    page: PageRequest,
  ): Promise<Page<Invitation>> {
    let query: Omit<KeyQuery, 'tableName' | 'pageSize' | 'startAt'>;
    if (!status) {
      query = { index: 'GSI3', partition: invitationKeys.byTenant(tenantId), descending: true };
    } else {
      const stored: StoredInvitationStatus = status === 'EXPIRED' ? 'PENDING' : status;
      query = { index: 'GSI1', partition: invitationKeys.byStatus(tenantId, stored), descending: true };
      if (status === 'PENDING' || status === 'EXPIRED') {
        query.filter = {
          expression: status === 'PENDING' ? '#expiresAt > :now' : '#expiresAt <= :now',
          names: { '#expiresAt': 'expiresAt' },
          varying: { ':now': now.toISOString() },
        };
      }
    }
    const result = await paginatedQuery(this.db.client, this.db.cursors, {
      tableName: this.table,
      ...query,
      ...page,
    });
    return { items: result.items.map(fromInvitationItem), nextStartAt: result.nextStartAt };
  }

  /** PENDING → CANCELLED; the token stays on record so its holder learns the invitation was cancelled. */
  async cancel(
    current: Invitation,
    expectedVersion: number,
    actor: string,
    audit: AuditEvent,
  ): Promise<Invitation> {
    return this.finish(current, 'CANCELLED', actor, expectedVersion, [[this.tenants.auditPut(audit)]]);
  }

  /** A new token (the old one is deleted, so it is dead at once), a fresh expiry, resendCount + 1 (at most 3). */
  async resend(
    current: Invitation,
    expectedVersion: number,
    tokenHash: string,
    expiresAt: string,
    audit: AuditEvent,
  ): Promise<Invitation> {
    const now = this.db.clock.now();
    const next: Invitation = {
      ...current,
      tokenHash,
      expiresAt,
      resendCount: current.resendCount + 1,
      updatedAt: now.toISOString(),
      version: expectedVersion + 1,
    };
    await new TransactionBuilder()
      .add(
        ...this.writes.updateWhilePending(
          current,
          expectedVersion,
          {
            tokenHash,
            expiresAt,
            resendCount: next.resendCount,
            updatedAt: next.updatedAt,
            ttl: pendingInvitationTtl(expiresAt),
          },
          'PENDING',
          now,
          { belowResendLimit: true },
        ),
      )
      .add(deleteKey(this.table, invitationKeys.token(current.tokenHash)))
      .add(putNew(this.table, tokenItem(next, tokenHash)))
      .add(put(this.table, pendingGuardItem(next)))
      .add(this.tenants.auditPut(audit))
      .commit(this.db.client);
    return next;
  }

  /**
   * PENDING → ACCEPTED, the membership (with its counters and team assignments) and the token consumed,
   * in ONE transaction: of two parallel accepts exactly one succeeds.
   */
  async accept(
    current: Invitation,
    member: Member,
    teams: readonly TeamPath[],
    audits: AuditEvent[],
  ): Promise<Invitation> {
    return this.finish(current, 'ACCEPTED', member.userId, current.version, [
      this.writes.consumeToken(current, this.db.clock.now().toISOString()),
      ...this.members.joinEntries(member, teams),
      ...audits.map((audit) => [this.tenants.auditPut(audit)] as const),
    ]);
  }

  async decline(current: Invitation, userId: string, audit: AuditEvent): Promise<Invitation> {
    return this.finish(current, 'DECLINED', userId, current.version, [
      this.writes.consumeToken(current, this.db.clock.now().toISOString()),
      [this.tenants.auditPut(audit)],
    ]);
  }

  private async finish(
    current: Invitation,
    status: 'ACCEPTED' | 'DECLINED' | 'CANCELLED',
    actor: string,
    expectedVersion: number,
    extra: ReadonlyArray<TransactionEntry>,
  ): Promise<Invitation> {
    const now = this.db.clock.now();
    const at = now.toISOString();
    const next: Invitation = {
      ...current,
      status,
      respondedAt: at,
      respondedBy: actor,
      updatedAt: at,
      version: expectedVersion + 1,
    };
    await new TransactionBuilder()
      .add(
        ...this.writes.updateWhilePending(
          current,
          expectedVersion,
          {
            status,
            GSI1PK: invitationKeys.byStatus(current.tenantId, status),
            respondedAt: at,
            respondedBy: actor,
            updatedAt: at,
            ttl: undefined,
          },
          status,
          now,
        ),
      )
      .add(...this.writes.releasePendingGuard(current))
      .addAll(extra)
      .commit(this.db.client);
    return next;
  }
}
