import { epochSeconds, addDays, normalizeEmail } from '@bbws/shared-util';
import type { Invitation } from './invitation.entity';
import { invitationKeys } from './invitation.keys';

export const INVITATION_SCHEMA_VERSION = 1;

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

export function toInvitationItem(invitation: Invitation): Record<string, unknown> {
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

export function fromInvitationItem(item: Record<string, unknown>): Invitation {
  return {
    invitationId: item.invitationId as string,
    tenantId: item.tenantId as string,
    email: item.email as string,
    role: item.role as Invitation['role'],
    teamIds: (item.teamIds as string[] | undefined) ?? [],
    status: item.status as Invitation['status'],
    expiresAt: item.expiresAt as string,
    validityDays: (item.validityDays as number | undefined) ?? 7,
    invitedBy: item.invitedBy as string,
    invitedByName: (item.invitedByName as string | undefined) ?? '',
    invitedByEmail: (item.invitedByEmail as string | undefined) ?? '',
    message: (item.message as string | null | undefined) ?? null,
    resendCount: (item.resendCount as number | undefined) ?? 0,
    tokenHash: item.tokenHash as string,
    createdAt: item.createdAt as string,
    updatedAt: item.updatedAt as string,
    respondedAt: (item.respondedAt as string | null | undefined) ?? null,
    respondedBy: (item.respondedBy as string | null | undefined) ?? null,
    version: item.version as number,
  };
}

export function pendingGuardItem(invitation: Invitation): Record<string, unknown> {
  return {
    ...invitationKeys.pendingGuard(invitation.tenantId, normalizeEmail(invitation.email)),
    entityType: 'INVITATION_GUARD',
    schemaVersion: INVITATION_SCHEMA_VERSION,
    tenantId: invitation.tenantId,
    invitationId: invitation.invitationId,
    expiresAt: invitation.expiresAt,
    createdAt: invitation.updatedAt,
    updatedAt: invitation.updatedAt,
    ttl: epochSeconds(addDays(new Date(invitation.expiresAt), 1)),
  };
}

export function tokenItem(invitation: Invitation, tokenHash: string): Record<string, unknown> {
  return {
    ...invitationKeys.token(tokenHash),
    entityType: 'INVITATION_TOKEN',
    schemaVersion: INVITATION_SCHEMA_VERSION,
    tenantId: invitation.tenantId,
    invitationId: invitation.invitationId,
    expiresAt: invitation.expiresAt,
    createdAt: invitation.updatedAt,
    updatedAt: invitation.updatedAt,
    ttl: epochSeconds(addDays(new Date(invitation.expiresAt), 1)),
  };
}
