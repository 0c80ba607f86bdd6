import type { TenantsSchemas } from '@bbws/sdk';
import type { Column } from '../output/output';

export type Member = TenantsSchemas['schemas']['MemberResponseDto'];
export type Role = Member['role'];
export type Invitation = TenantsSchemas['schemas']['InvitationResponseDto'];
export type InvitationStatus = Invitation['status'];
export type InvitationPreview = TenantsSchemas['schemas']['InvitationPreviewResponseDto'];

export const MEMBER_COLUMNS: Column<Member>[] = [
  { header: 'userId', value: (member) => member.userId },
  { header: 'email', value: (member) => member.email },
  { header: 'name', value: (member) => member.name },
  { header: 'role', value: (member) => member.role },
  { header: 'teams', value: (member) => member.teamIds.join(', ') },
];

export const MEMBER_FIELDS: Column<Member>[] = [
  ...MEMBER_COLUMNS,
  { header: 'tenantId', value: (member) => member.tenantId },
  { header: 'joinedAt', value: (member) => member.joinedAt },
  { header: 'addedBy', value: (member) => member.addedBy },
  { header: 'version', value: (member) => member.version },
];

export const INVITATION_COLUMNS: Column<Invitation>[] = [
  { header: 'invitationId', value: (invitation) => invitation.invitationId },
  { header: 'email', value: (invitation) => invitation.email },
  { header: 'role', value: (invitation) => invitation.role },
  { header: 'status', value: (invitation) => invitation.status },
  { header: 'expiresAt', value: (invitation) => invitation.expiresAt },
];

export const INVITATION_FIELDS: Column<Invitation>[] = [
  ...INVITATION_COLUMNS,
  { header: 'tenantId', value: (invitation) => invitation.tenantId },
  { header: 'teams', value: (invitation) => invitation.teamIds.join(', ') },
  { header: 'invitedBy', value: (invitation) => invitation.invitedBy },
  { header: 'message', value: (invitation) => invitation.message },
  { header: 'resendCount', value: (invitation) => invitation.resendCount },
  { header: 'respondedAt', value: (invitation) => invitation.respondedAt },
  { header: 'version', value: (invitation) => invitation.version },
];

export const PREVIEW_FIELDS: Column<InvitationPreview>[] = [
  { header: 'organizationName', value: (preview) => preview.organizationName },
  { header: 'email', value: (preview) => preview.email },
  { header: 'role', value: (preview) => preview.role },
  { header: 'status', value: (preview) => preview.status },
  { header: 'expiresAt', value: (preview) => preview.expiresAt },
  { header: 'isValid', value: (preview) => preview.isValid },
];

/** A role from the command line (case-insensitive, as the API takes it). */
export const roleOf = (value: string): Role => value.toUpperCase() as Role;
