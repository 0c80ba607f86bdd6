import { versionedUpdate, type StoredItem, type TransactionEntry } from '@bbws/data-access-dynamo';
import {
  DuplicateInvitationError,
  InvitationStateChangedError,
  InvitationSupersededError,
  ItemMissingError,
  LimitReachedError,
  TokenConsumedError,
  VersionConflictError,
} from '@bbws/shared-errors';
import { normalizeEmail } from '@bbws/shared-util';
import { MAX_RESENDS, invitationStatusAt, type Invitation, type InvitationStatus } from './invitation.entity';
import { invitationKeys } from './invitation.keys';
import { fromInvitationItem, pendingGuardItem } from './invitation.mapper';

/** The transaction items (and what their failures mean) around an invitation's pending guard and token. */
export class InvitationWrites {
  constructor(private readonly table: string) {}

  /** Claims the tenant's pending slot for this email; an expired pending invitation gives way. */
  claimPendingGuard(invitation: Invitation): TransactionEntry {
    return [
      {
        Put: {
          TableName: this.table,
          Item: pendingGuardItem(invitation),
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': invitation.createdAt },
        },
      },
      () => new DuplicateInvitationError(invitation.email),
    ];
  }

  /** Frees the pending slot if it is still this invitation's. */
  releasePendingGuard(current: Invitation): TransactionEntry {
    return [
      {
        Delete: {
          TableName: this.table,
          Key: invitationKeys.pendingGuard(current.tenantId, normalizeEmail(current.email)),
          ConditionExpression: 'attribute_not_exists(PK) OR invitationId = :invitationId',
          ExpressionAttributeValues: { ':invitationId': current.invitationId },
        },
      },
      () => new InvitationSupersededError(),
    ];
  }

  /**
   * Sets `set` on the invitation while it is PENDING, unexpired at `now` and at `expectedVersion` (with
   * `belowResendLimit`, also while it was resent fewer than {@link MAX_RESENDS} times).
   */
  updateWhilePending(
    current: Invitation,
    expectedVersion: number,
    set: Record<string, unknown>,
    requested: InvitationStatus,
    now: Date,
    { belowResendLimit = false } = {},
  ): TransactionEntry {
    const names: Record<string, string> = { '#status': 'status', '#expiresAt': 'expiresAt' };
    const values: Record<string, unknown> = { ':pending': 'PENDING', ':now': now.toISOString() };
    let expression = '#status = :pending AND #expiresAt > :now';
    if (belowResendLimit) {
      expression += ' AND #resendCount < :maxResends';
      names['#resendCount'] = 'resendCount';
      values[':maxResends'] = MAX_RESENDS;
    }
    return [
      versionedUpdate({
        tableName: this.table,
        key: invitationKeys.invitation(current.tenantId, current.invitationId),
        set,
        expectedVersion,
        condition: { expression, names, values },
      }),
      (old) => transitionFailure(old, current, requested, expectedVersion, now),
    ];
  }

  consumeToken(current: Invitation, at: string): TransactionEntry {
    return [
      {
        Update: {
          TableName: this.table,
          Key: invitationKeys.token(current.tokenHash),
          UpdateExpression: 'SET consumedAt = :now, updatedAt = :now',
          ConditionExpression:
            'attribute_exists(PK) AND attribute_not_exists(consumedAt) AND invitationId = :invitationId',
          ExpressionAttributeValues: { ':now': at, ':invitationId': current.invitationId },
        },
      },
      () => new TokenConsumedError(),
    ];
  }
}

/** Why a PENDING-only change of the invitation (at `expectedVersion`) failed, from its old image. */
export function transitionFailure(
  old: StoredItem | undefined,
  current: Invitation,
  requested: InvitationStatus,
  expectedVersion: number,
  now: Date,
): Error {
  if (!old) return new ItemMissingError('INVITATION', current.invitationId);
  const stored = fromInvitationItem(old);
  const status = invitationStatusAt(stored, now);
  if (status !== 'PENDING') return new InvitationStateChangedError(status, requested);
  if (stored.resendCount >= MAX_RESENDS && requested === 'PENDING')
    return new LimitReachedError('RESENDS', MAX_RESENDS);
  return new VersionConflictError(expectedVersion, stored.version);
}
