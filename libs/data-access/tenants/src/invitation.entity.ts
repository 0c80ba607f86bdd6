import type { TenantRole } from '@bbws/data-access-memberships';

export const INVITATION_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'CANCELLED'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

/** What is stored; EXPIRED is never stored, it is derived from `expiresAt` on read. */
export type StoredInvitationStatus = Exclude<InvitationStatus, 'EXPIRED'>;

export const MAX_RESENDS = 3;

export interface Invitation {
  invitationId: string;
  tenantId: string;
  email: string;
  role: TenantRole;
  teamIds: string[];
  status: StoredInvitationStatus;
  expiresAt: string;
  /** How long the invitation is valid from when it is (re)sent, in days (1-30). */
  validityDays: number;
  invitedBy: string;
  invitedByName: string;
  invitedByEmail: string;
  message: string | null;
  resendCount: number;
  /** SHA-256 (hex) of the current token; the token itself is never stored. */
  tokenHash: string;
  createdAt: string;
  updatedAt: string;
  respondedAt: string | null;
  respondedBy: string | null;
  version: number;
}

/** The status as callers see it at `now`: a PENDING invitation past its expiry is EXPIRED. */
export function invitationStatusAt(
  invitation: Pick<Invitation, 'status' | 'expiresAt'>,
  now: Date,
): InvitationStatus {
  return invitation.status === 'PENDING' && Date.parse(invitation.expiresAt) <= now.getTime()
    ? 'EXPIRED'
    : invitation.status;
}
