import { readItem, type ItemBase, type StoredItem, type VersionedItemBase } from '@bbws/data-access-dynamo';
import { epochSeconds, addDays, normalizeEmail } from '@bbws/shared-util';
import type { Invitation } from './invitation.entity';
import { invitationKeys } from './invitation.keys';

export const INVITATION_SCHEMA_VERSION = 1;

/** An invitation as stored: the entity plus keys, index attributes and (while PENDING) its TTL. */
export interface InvitationItem
  extends
    VersionedItemBase,
    Omit<
      Invitation,
      | 'validityDays'
      | 'invitedByName'
      | 'invitedByEmail'
      | 'message'
      | 'resendCount'
      | 'respondedAt'
      | 'respondedBy'
      | 'teamIds'
    >,
    Partial<
      Pick<Invitation, 'validityDays' | 'invitedByName' | 'invitedByEmail' | 'resendCount' | 'teamIds'>
    > {
  entityType: 'INVITATION';
  message?: string | null;
  respondedAt?: string | null;
  respondedBy?: string | null;
  normalizedEmail: string;
  ttl?: number;
}

/** Holds the tenant's one pending invitation per email. */
export interface PendingGuardItem extends ItemBase {
  entityType: 'INVITATION_GUARD';
  tenantId: string;
  invitationId: string;
  expiresAt: string;
  ttl: number;
}

/** A token, keyed by its SHA-256: which invitation it opens and whether it was used. */
export interface InvitationTokenItem extends ItemBase {
  entityType: 'INVITATION_TOKEN';
  tenantId: string;
  invitationId: string;
  expiresAt: string;
  consumedAt?: string;
  ttl: number;
}

/** Index attributes that follow the invitation's stored status. */
export function invitationIndexAttributes(
  invitation: Pick<Invitation, 'tenantId' | 'invitationId' | 'status' | 'createdAt' | 'email'>,
) {
  const sort = invitationKeys.createdSort(invitation.createdAt, invitation.invitationId);
  return {
    GSI1PK: invitationKeys.byStatus(invitation.tenantId, invitation.status),
    GSI1SK: sort,
    GSI2PK: invitationKeys.byEmail(normalizeEmail(invitation.email)),
    GSI2SK: invitationKeys.byEmailSort(invitation.tenantId, invitation.invitationId),
    GSI3PK: invitationKeys.byTenant(invitation.tenantId),
    GSI3SK: sort,
  };
}

export function toInvitationItem(invitation: Invitation): InvitationItem {
  return {
    ...invitationKeys.invitation(invitation.tenantId, invitation.invitationId),
    ...invitationIndexAttributes(invitation),
    entityType: 'INVITATION',
    schemaVersion: INVITATION_SCHEMA_VERSION,
    normalizedEmail: normalizeEmail(invitation.email),
    ...(invitation.status === 'PENDING' ? { ttl: pendingInvitationTtl(invitation.expiresAt) } : {}),
    ...invitation,
  };
}

/** A pending invitation is cleaned up by TTL 30 days after it expired; answered ones are kept. */
export function pendingInvitationTtl(expiresAt: string): number {
  return epochSeconds(addDays(new Date(expiresAt), 30));
}

export function fromInvitationItem(stored: StoredItem): Invitation {
  const item = readItem<InvitationItem>(stored);
  return {
    invitationId: item.invitationId,
    tenantId: item.tenantId,
    email: item.email,
    role: item.role,
    teamIds: item.teamIds ?? [],
    status: item.status,
    expiresAt: item.expiresAt,
    validityDays: item.validityDays ?? 7,
    invitedBy: item.invitedBy,
    invitedByName: item.invitedByName ?? '',
    invitedByEmail: item.invitedByEmail ?? '',
    message: item.message ?? null,
    resendCount: item.resendCount ?? 0,
    tokenHash: item.tokenHash,
    createdAt: item.createdAt,
    updatedAt: item.updatedAt,
    respondedAt: item.respondedAt ?? null,
    respondedBy: item.respondedBy ?? null,
    version: item.version,
  };
}

export function pendingGuardItem(invitation: Invitation): PendingGuardItem {
  return {
    ...invitationKeys.pendingGuard(invitation.tenantId, normalizeEmail(invitation.email)),
    entityType: 'INVITATION_GUARD',
    ...pointerAttributes(invitation),
  };
}

export function tokenItem(invitation: Invitation, tokenHash: string): InvitationTokenItem {
  return {
    ...invitationKeys.token(tokenHash),
    entityType: 'INVITATION_TOKEN',
    ...pointerAttributes(invitation),
  };
}

/** What the guard and token items carry: the invitation they point at, expiring a day after it. */
function pointerAttributes(invitation: Invitation) {
  return {
    schemaVersion: INVITATION_SCHEMA_VERSION,
    tenantId: invitation.tenantId,
    invitationId: invitation.invitationId,
    expiresAt: invitation.expiresAt,
    createdAt: invitation.updatedAt,
    updatedAt: invitation.updatedAt,
    ttl: epochSeconds(addDays(new Date(invitation.expiresAt), 1)),
  };
}
