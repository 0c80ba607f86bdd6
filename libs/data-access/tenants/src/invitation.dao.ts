import { GetCommand } from '@aws-sdk/lib-dynamodb';
import {
  deleteKey,
  paginatedQuery,
  put,
  putNew,
  versionedUpdate,
  type DynamoContext,
  type KeyQuery,
  type TransactItem,
} from '@bbws/data-access-dynamo';
import { memberKeys, type Member } from '@bbws/data-access-memberships';
import {
  BusinessRuleError,
  ConflictError,
  GoneError,
  InvalidStatusTransitionError,
  NotFoundError,
  PreconditionFailedError,
  type AppError,
} from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { normalizeEmail } from '@bbws/shared-util';
import type { TeamPath } from './hierarchy.entity';
import {
  MAX_RESENDS,
  invitationStatusAt,
  type Invitation,
  type InvitationStatus,
  type StoredInvitationStatus,
} from './invitation.entity';
import { invitationKeys } from './invitation.keys';
import {
  fromInvitationItem,
  pendingGuardItem,
  pendingInvitationTtl,
  toInvitationItem,
  tokenItem,
} from './invitation.mapper';
import type { MemberDao } from './member.dao';
import type { AuditEvent } from './tenant.entity';
import type { TenantDao } from './tenant.dao';
import { TransactionBuilder, type ItemFailure } from './transaction.builder';

/** A token's record: which invitation it opens, and whether it was used. */
export interface InvitationTokenRecord {
  tenantId: string;
  invitationId: string;
  consumedAt: string | null;
}

/** Answering through the public token API (409/410) versus managing through the admin API (422/412). */
type Channel = 'invitee' | 'admin';

/**
 * Invitations with their pending guard (one pending invitation per tenant and email), their token item
 * (keyed by the token's SHA-256, never the token) and audit events, each change in one transaction.
 */
export class InvitationDao {
  constructor(
    private readonly db: DynamoContext,
    private readonly tenants: TenantDao,
    private readonly members: MemberDao,
  ) {}

  private get table(): string {
    return this.db.tables.tenants;
  }

  /**
   * Stores a new PENDING invitation. An expired pending invitation for the same email gives way; a live
   * one is a 409 DUPLICATE_INVITATION. With `knownUserId`, a membership written meanwhile is a 409 ALREADY_MEMBER.
   */
  async create(invitation: Invitation, audit: AuditEvent, knownUserId?: string): Promise<void> {
    const tx = new TransactionBuilder()
      .add(putNew(this.table, toInvitationItem(invitation)))
      .add(
        {
          Put: {
            TableName: this.table,
            Item: pendingGuardItem(invitation),
            ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
            ExpressionAttributeValues: { ':now': invitation.createdAt },
          },
        },
        () =>
          new ConflictError(
            'DUPLICATE_INVITATION',
            `A pending invitation for ${invitation.email} already exists`,
            {
              email: invitation.email,
            },
          ),
      )
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
        () => alreadyMember(knownUserId),
      );
    }
    await tx.commit(this.db.client);
  }

  async get(tenantId: string, invitationId: string): Promise<Invitation | null> {
    const { Item } = await this.db.client.send(
      new GetCommand({
        TableName: this.table,
        Key: invitationKeys.invitation(tenantId, invitationId),
        ConsistentRead: true,
      }),
    );
    return Item ? fromInvitationItem(Item) : null;
  }

  async findToken(tokenHash: string): Promise<InvitationTokenRecord | null> {
    const { Item } = await this.db.client.send(
      new GetCommand({ TableName: this.table, Key: invitationKeys.token(tokenHash), ConsistentRead: true }),
    );
    if (!Item) return null;
    return {
      tenantId: Item.tenantId as string,
      invitationId: Item.invitationId as string,
      consumedAt: (Item.consumedAt as string | undefined) ?? null,
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
    return this.finish(current, 'CANCELLED', actor, 'admin', expectedVersion, [
      [this.tenants.auditPut(audit)],
    ]);
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
        versionedUpdate({
          tableName: this.table,
          key: invitationKeys.invitation(current.tenantId, current.invitationId),
          set: {
            tokenHash,
            expiresAt,
            resendCount: next.resendCount,
            updatedAt: next.updatedAt,
            ttl: pendingInvitationTtl(expiresAt),
          },
          expectedVersion,
          condition: {
            expression: '#status = :pending AND #expiresAt > :now AND #resendCount < :maxResends',
            names: { '#status': 'status', '#expiresAt': 'expiresAt', '#resendCount': 'resendCount' },
            values: { ':pending': 'PENDING', ':now': now.toISOString(), ':maxResends': MAX_RESENDS },
          },
        }),
        (old) => this.transitionFailure(old, current, 'PENDING', 'admin', expectedVersion, now),
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
    return this.finish(current, 'ACCEPTED', member.userId, 'invitee', current.version, [
      this.consumeToken(current),
      ...this.members.joinEntries(member, teams),
      ...audits.map((audit) => [this.tenants.auditPut(audit)] as const),
    ]);
  }

  async decline(current: Invitation, userId: string, audit: AuditEvent): Promise<Invitation> {
    return this.finish(current, 'DECLINED', userId, 'invitee', current.version, [
      this.consumeToken(current),
      [this.tenants.auditPut(audit)],
    ]);
  }

  private async finish(
    current: Invitation,
    status: 'ACCEPTED' | 'DECLINED' | 'CANCELLED',
    actor: string,
    channel: Channel,
    expectedVersion: number,
    extra: ReadonlyArray<readonly [TransactItem, ItemFailure?]>,
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
        versionedUpdate({
          tableName: this.table,
          key: invitationKeys.invitation(current.tenantId, current.invitationId),
          set: {
            status,
            GSI1PK: invitationKeys.byStatus(current.tenantId, status),
            respondedAt: at,
            respondedBy: actor,
            updatedAt: at,
            ttl: undefined,
          },
          expectedVersion,
          condition: {
            expression: '#status = :pending AND #expiresAt > :now',
            names: { '#status': 'status', '#expiresAt': 'expiresAt' },
            values: { ':pending': 'PENDING', ':now': at },
          },
        }),
        (old) => this.transitionFailure(old, current, status, channel, expectedVersion, now),
      )
      .add(
        {
          Delete: {
            TableName: this.table,
            Key: invitationKeys.pendingGuard(current.tenantId, normalizeEmail(current.email)),
            ConditionExpression: 'attribute_not_exists(PK) OR invitationId = :invitationId',
            ExpressionAttributeValues: { ':invitationId': current.invitationId },
          },
        },
        () => expired(),
      )
      .addAll(extra)
      .commit(this.db.client);
    return next;
  }

  private consumeToken(current: Invitation): readonly [TransactItem, ItemFailure] {
    return [
      {
        Update: {
          TableName: this.table,
          Key: invitationKeys.token(current.tokenHash),
          UpdateExpression: 'SET consumedAt = :now, updatedAt = :now',
          ConditionExpression:
            'attribute_exists(PK) AND attribute_not_exists(consumedAt) AND invitationId = :invitationId',
          ExpressionAttributeValues: {
            ':now': this.db.clock.now().toISOString(),
            ':invitationId': current.invitationId,
          },
        },
      },
      () =>
        new ConflictError('INVITATION_NOT_PENDING', 'This invitation was already answered', {
          status: 'ACCEPTED',
        }),
    ];
  }

  private transitionFailure(
    old: Record<string, unknown> | undefined,
    current: Invitation,
    requested: InvitationStatus,
    channel: Channel,
    expectedVersion: number,
    now: Date,
  ): AppError {
    if (!old) return new NotFoundError('INVITATION', current.invitationId);
    const status = invitationStatusAt(fromInvitationItem(old), now);
    if (status !== 'PENDING') {
      if (channel === 'invitee') return status === 'EXPIRED' ? expired() : notPending(status);
      return new InvalidStatusTransitionError(status, requested, []);
    }
    if ((old.resendCount as number) >= MAX_RESENDS && requested === 'PENDING') return resendLimit();
    if (channel === 'admin') return new PreconditionFailedError(expectedVersion, old.version as number);
    return new ConflictError(
      'CONFLICT',
      'The invitation changed meanwhile (it may have been resent); use the newest email',
    );
  }
}

export function expired(): GoneError {
  return new GoneError('INVITATION_EXPIRED', 'This invitation has expired; ask for a new one');
}

export function notPending(status: InvitationStatus): ConflictError {
  return new ConflictError('INVITATION_NOT_PENDING', `This invitation is ${status.toLowerCase()}`, {
    status,
  });
}

export function resendLimit(): BusinessRuleError {
  return new BusinessRuleError('RESEND_LIMIT', `An invitation can be resent at most ${MAX_RESENDS} times`, {
    limit: MAX_RESENDS,
  });
}

function alreadyMember(userId: string): ConflictError {
  return new ConflictError('ALREADY_MEMBER', 'This user is already a member of the tenant', { userId });
}
