import type { Member } from '@bbws/data-access-memberships';
import {
  invitationStatusAt,
  type Invitation,
  type InvitationDao,
  type InvitationStatus,
  type MemberDao,
} from '@bbws/data-access-tenants';
import type { IdentityDirectory } from '@bbws/integrations-identity';
import type { Caller, TenantAccessService } from '@bbws/platform-auth';
import { ConflictError, ForbiddenError, NotFoundError } from '@bbws/shared-errors';
import { normalizeEmail, type Clock } from '@bbws/shared-util';
import type { TenantEventsPublisher } from '../events/tenant-events.publisher';
import type { MemberView } from '../members/members.service';
import type { OrganizationService } from '../organization/organization.service';
import {
  invitationExpired,
  invitationNotPending,
  rethrowAsInviteeAppError,
} from '../organization/store-errors';
import { EmailNotVerifiedError } from './email-not-verified.error';
import { hashInvitationToken, maskEmail, tokenMatches } from './invitation-token';
import type { InvitationMailer } from './invitation.mailer';

/** What the holder of a link may learn, with the invitee's email masked. */
export interface InvitationPreview {
  organizationName: string;
  role: string;
  email: string;
  status: InvitationStatus;
  expiresAt: string;
  isValid: boolean;
}

/**
 * The invitee's side, reached by token: preview (anyone holding the link), accept and decline (only
 * the signed-in user whose email is the invitee's). The token is looked up by its hash only.
 */
export class InvitationResponsesService {
  constructor(
    private readonly invitations: Pick<InvitationDao, 'findToken' | 'get' | 'accept' | 'decline'>,
    private readonly members: Pick<MemberDao, 'get'>,
    private readonly organization: Pick<
      OrganizationService,
      'loadTenant' | 'loadLiveTenant' | 'audit' | 'existingTeams'
    >,
    private readonly identity: Pick<IdentityDirectory, 'getUser'>,
    private readonly mailer: Pick<InvitationMailer, 'sendResponse'>,
    private readonly access: Pick<TenantAccessService, 'forget'>,
    private readonly clock: Clock,
    private readonly events: Pick<TenantEventsPublisher, 'invitationAccepted'>,
  ) {}

  /** 404 for an unknown token, 410 once expired; answered or cancelled ones show their status. */
  async preview(token: string): Promise<InvitationPreview> {
    const invitation = await this.open(token);
    const status = invitationStatusAt(invitation, this.clock.now());
    if (status === 'EXPIRED') throw invitationExpired();
    const tenant = await this.organization.loadTenant(invitation.tenantId);
    return preview(invitation, status, tenant.organizationName);
  }

  /** The membership and ACCEPTED in one transaction; of two parallel accepts exactly one gets through. */
  async accept(caller: Caller, token: string, correlationId: string): Promise<MemberView> {
    const invitation = await this.open(token);
    const email = await this.assertInvitee(caller, invitation);
    this.assertPending(invitation);
    const tenant = await this.organization.loadLiveTenant(invitation.tenantId);
    if (await this.members.get(invitation.tenantId, caller.userId)) {
      throw new ConflictError('ALREADY_MEMBER', 'You are already a member of this tenant');
    }
    // Teams deleted since the invitation was sent are left out rather than failing the accept.
    const teams = await this.organization.existingTeams(invitation.tenantId, invitation.teamIds);
    const now = this.clock.now().toISOString();
    const name =
      caller.name || (await this.identity.getUser(caller.userId))?.name || email.slice(0, email.indexOf('@'));
    const member: Member = {
      tenantId: invitation.tenantId,
      userId: caller.userId,
      email,
      name,
      role: invitation.role,
      teamIds: teams.map((team) => team.teamId),
      joinedAt: now,
      addedBy: invitation.invitedBy,
      updatedAt: now,
      version: 1,
    };
    const details = {
      invitationId: invitation.invitationId,
      userId: caller.userId,
      role: member.role,
      teamIds: member.teamIds,
    };
    const accepted = await this.invitations
      .accept(invitation, member, teams, [
        this.organization.audit(invitation.tenantId, caller, 'INVITATION_ACCEPTED', { details }),
        this.organization.audit(invitation.tenantId, caller, 'MEMBER_ADDED', {
          details: { ...details, via: 'INVITATION' },
        }),
      ])
      .catch(rethrowAsInviteeAppError);
    this.access.forget(invitation.tenantId, caller.userId);
    await this.events.invitationAccepted(accepted, member, correlationId);
    await this.mailer.sendResponse(accepted, tenant.organizationName, { email, name });
    return {
      member,
      access: { tenantId: invitation.tenantId, isPlatformAdmin: caller.isPlatformAdmin, role: member.role },
      adminCount: tenant.adminCount + (member.role === 'ADMIN' ? 1 : 0),
    };
  }

  async decline(caller: Caller, token: string): Promise<InvitationPreview> {
    const invitation = await this.open(token);
    const email = await this.assertInvitee(caller, invitation);
    this.assertPending(invitation);
    const tenant = await this.organization.loadTenant(invitation.tenantId);
    const audit = this.organization.audit(invitation.tenantId, caller, 'INVITATION_DECLINED', {
      details: { invitationId: invitation.invitationId, userId: caller.userId },
    });
    const declined = await this.invitations
      .decline(invitation, caller.userId, audit)
      .catch(rethrowAsInviteeAppError);
    await this.mailer.sendResponse(declined, tenant.organizationName, { email, name: caller.name });
    return preview(declined, 'DECLINED', tenant.organizationName);
  }

  /** The invitation a token opens; the stored hash is compared in constant time (a resent link's old token is dead). */
  private async open(token: string): Promise<Invitation> {
    const record = await this.invitations.findToken(hashInvitationToken(token));
    const invitation = record ? await this.invitations.get(record.tenantId, record.invitationId) : null;
    if (!invitation || !tokenMatches(token, invitation.tokenHash)) throw new NotFoundError('INVITATION');
    return invitation;
  }

  /**
   * Only the invitee answers, with a verified email: the token's (if it verifies it), else for a token
   * without an email (an access token) the directory's. An unverified email is a 403
   * EMAIL_NOT_VERIFIED whatever it is; a verified email of someone else a 403 FORBIDDEN.
   */
  private async assertInvitee(caller: Caller, invitation: Invitation): Promise<string> {
    let email = caller.email;
    let verified = caller.emailVerified;
    if (!email) {
      const user = await this.identity.getUser(caller.userId);
      email = user?.email ?? '';
      verified = user?.emailVerified ?? false;
    }
    if (email && !verified) throw new EmailNotVerifiedError();
    if (!email || normalizeEmail(email) !== normalizeEmail(invitation.email)) {
      throw new ForbiddenError('This invitation was sent to another email address; sign in as its recipient');
    }
    return normalizeEmail(email);
  }

  private assertPending(invitation: Invitation): void {
    const status = invitationStatusAt(invitation, this.clock.now());
    if (status === 'EXPIRED') throw invitationExpired();
    if (status !== 'PENDING') throw invitationNotPending(status);
  }
}

function preview(
  invitation: Invitation,
  status: InvitationStatus,
  organizationName: string,
): InvitationPreview {
  return {
    organizationName,
    role: invitation.role,
    email: maskEmail(invitation.email),
    status,
    expiresAt: invitation.expiresAt,
    isValid: status === 'PENDING',
  };
}
