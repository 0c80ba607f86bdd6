import type { TenantRole } from '@bbws/data-access-memberships';
import {
  MAX_RESENDS,
  invitationStatusAt,
  type Invitation,
  type InvitationDao,
  type InvitationStatus,
  type MemberDao,
} from '@bbws/data-access-tenants';
import type { IdentityDirectory } from '@bbws/integrations-identity';
import type { Caller, TenantAccess, TenantAccessService } from '@bbws/platform-auth';
import { ConflictError, InvalidStatusTransitionError, NotFoundError } from '@bbws/shared-errors';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { addDays, newId, normalizeEmail, type Clock } from '@bbws/shared-util';
import type { OrganizationService } from '../organization/organization.service';
import { resendLimit, rethrowAsAppError } from '../organization/store-errors';
import { issueInvitationToken } from './invitation-token';
import type { InvitationMailer } from './invitation.mailer';

export const DEFAULT_VALIDITY_DAYS = 7;

export interface CreateInvitationInput {
  email: string;
  role: TenantRole;
  teamIds?: string[];
  expiresInDays?: number;
  message?: string;
}

export interface InvitationView {
  invitation: Invitation;
  /** As seen now: EXPIRED is derived from `expiresAt`. */
  status: InvitationStatus;
  access: TenantAccess;
}

/** The ADMIN side of invitations: invite, list, read, cancel, resend. Tokens leave only through the email. */
export class InvitationsService {
  constructor(
    private readonly invitations: Pick<InvitationDao, 'create' | 'list' | 'get' | 'cancel' | 'resend'>,
    private readonly members: Pick<MemberDao, 'get'>,
    private readonly organization: Pick<OrganizationService, 'loadLiveTenant' | 'audit' | 'resolveTeams'>,
    private readonly identity: Pick<IdentityDirectory, 'findUserByEmail' | 'getUser'>,
    private readonly mailer: Pick<InvitationMailer, 'sendInvitation'>,
    private readonly access: Pick<TenantAccessService, 'require'>,
    private readonly clock: Clock,
  ) {}

  async create(caller: Caller, tenantId: string, input: CreateInvitationInput): Promise<InvitationView> {
    const access = await this.access.require(caller, tenantId, ['ADMIN']);
    const tenant = await this.organization.loadLiveTenant(tenantId);
    const existing = await this.identity.findUserByEmail(input.email);
    if (existing && (await this.members.get(tenantId, existing.userId))) {
      throw new ConflictError('ALREADY_MEMBER', `${input.email} is already a member of this tenant`, {
        userId: existing.userId,
      });
    }
    const teamIds = [...new Set(input.teamIds ?? [])];
    await this.organization.resolveTeams(tenantId, teamIds);
    const inviter = await this.inviter(caller);
    const now = this.clock.now();
    const validityDays = input.expiresInDays ?? DEFAULT_VALIDITY_DAYS;
    const { token, hash } = issueInvitationToken();
    const invitation: Invitation = {
      invitationId: newId('inv'),
      tenantId,
      email: normalizeEmail(input.email),
      role: input.role,
      teamIds,
      status: 'PENDING',
      expiresAt: addDays(now, validityDays).toISOString(),
      validityDays,
      invitedBy: caller.userId,
      invitedByName: inviter.name,
      invitedByEmail: inviter.email,
      message: input.message ?? null,
      resendCount: 0,
      tokenHash: hash,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      respondedAt: null,
      respondedBy: null,
      version: 1,
    };
    const audit = this.organization.audit(tenantId, caller, 'INVITATION_CREATED', {
      details: {
        invitationId: invitation.invitationId,
        email: invitation.email,
        role: invitation.role,
        teamIds,
        expiresAt: invitation.expiresAt,
      },
    });
    await this.invitations.create(invitation, audit, existing?.userId).catch(rethrowAsAppError);
    await this.mailer.sendInvitation(invitation, token, tenant.organizationName);
    return this.view(invitation, access);
  }

  async list(
    caller: Caller,
    tenantId: string,
    status: InvitationStatus | undefined,
    page: PageRequest,
  ): Promise<Page<InvitationView>> {
    const access = await this.access.require(caller, tenantId, ['ADMIN']);
    const result = await this.invitations.list(tenantId, status, this.clock.now(), page);
    return {
      items: result.items.map((invitation) => this.view(invitation, access)),
      nextStartAt: result.nextStartAt,
    };
  }

  async get(caller: Caller, tenantId: string, invitationId: string): Promise<InvitationView> {
    const access = await this.access.require(caller, tenantId, ['ADMIN']);
    return this.view(await this.load(tenantId, invitationId), access);
  }

  /** PENDING only (422 otherwise); the invitee's link then answers 409. */
  async cancel(
    caller: Caller,
    tenantId: string,
    invitationId: string,
    ifMatch?: number,
  ): Promise<InvitationView> {
    const access = await this.access.require(caller, tenantId, ['ADMIN']);
    const current = await this.loadPending(tenantId, invitationId, 'CANCELLED');
    const audit = this.organization.audit(tenantId, caller, 'INVITATION_CANCELLED', {
      details: { invitationId, email: current.email },
    });
    const cancelled = await this.invitations
      .cancel(current, ifMatch ?? current.version, caller.userId, audit)
      .catch(rethrowAsAppError);
    return this.view(cancelled, access);
  }

  /** A new token (the old link dies), the expiry reset to the original validity, at most 3 times. */
  async resend(
    caller: Caller,
    tenantId: string,
    invitationId: string,
    ifMatch?: number,
  ): Promise<InvitationView> {
    const access = await this.access.require(caller, tenantId, ['ADMIN']);
    const tenant = await this.organization.loadLiveTenant(tenantId);
    const current = await this.loadPending(tenantId, invitationId, 'PENDING');
    if (current.resendCount >= MAX_RESENDS) throw resendLimit();
    const { token, hash } = issueInvitationToken();
    const expiresAt = addDays(this.clock.now(), current.validityDays).toISOString();
    const audit = this.organization.audit(tenantId, caller, 'INVITATION_RESENT', {
      details: { invitationId, email: current.email, resendCount: current.resendCount + 1, expiresAt },
    });
    const invitation = await this.invitations
      .resend(current, ifMatch ?? current.version, hash, expiresAt, audit)
      .catch(rethrowAsAppError);
    await this.mailer.sendInvitation(invitation, token, tenant.organizationName);
    return this.view(invitation, access);
  }

  private async inviter(caller: Caller): Promise<{ name: string; email: string }> {
    if (caller.name && caller.email) return { name: caller.name, email: caller.email };
    const user = await this.identity.getUser(caller.userId);
    return { name: caller.name || user?.name || '', email: caller.email || user?.email || '' };
  }

  private async load(tenantId: string, invitationId: string): Promise<Invitation> {
    const invitation = await this.invitations.get(tenantId, invitationId);
    if (!invitation) throw new NotFoundError('INVITATION', invitationId);
    return invitation;
  }

  /** An invitation that may still change (422 INVALID_STATUS_TRANSITION to `requested` otherwise). */
  private async loadPending(
    tenantId: string,
    invitationId: string,
    requested: InvitationStatus,
  ): Promise<Invitation> {
    const current = await this.load(tenantId, invitationId);
    const status = invitationStatusAt(current, this.clock.now());
    if (status !== 'PENDING') throw new InvalidStatusTransitionError(status, requested, []);
    return current;
  }

  private view(invitation: Invitation, access: TenantAccess): InvitationView {
    return { invitation, status: invitationStatusAt(invitation, this.clock.now()), access };
  }
}
