import type { Invitation } from '@bbws/data-access-tenants';
import {
  invitationAcceptedEmail,
  invitationDeclinedEmail,
  invitationEmail,
  type EmailMessage,
  type EmailSender,
} from '@bbws/integrations-email';
import type { Logger } from '@bbws/shared-logging';

/**
 * The invitation emails. They are sent after the change committed; a failed send is logged (never
 * with the message, which may hold the token) and does not undo the change: the admin can resend.
 */
export class InvitationMailer {
  constructor(
    private readonly sender: EmailSender,
    private readonly portalUrl: string,
    private readonly logger: Logger,
  ) {}

  /** True when the message was handed to the email service. */
  sendInvitation(invitation: Invitation, token: string, organizationName: string): Promise<boolean> {
    const message = invitationEmail({
      to: invitation.email,
      organizationName,
      inviterName: invitation.invitedByName,
      inviterEmail: invitation.invitedByEmail || undefined,
      role: invitation.role,
      message: invitation.message,
      expiresAt: invitation.expiresAt,
      portalUrl: this.portalUrl,
      token,
    });
    return this.deliver(message, invitation, 'invitation');
  }

  async sendResponse(
    invitation: Invitation,
    organizationName: string,
    invitee: { email: string; name: string },
  ): Promise<void> {
    if (!invitation.invitedByEmail) return;
    const input = {
      to: invitation.invitedByEmail,
      organizationName,
      inviteeEmail: invitee.email,
      inviteeName: invitee.name,
      role: invitation.role,
    };
    const message =
      invitation.status === 'ACCEPTED' ? invitationAcceptedEmail(input) : invitationDeclinedEmail(input);
    await this.deliver(
      message,
      invitation,
      invitation.status === 'ACCEPTED' ? 'invitation-accepted' : 'invitation-declined',
    );
  }

  private async deliver(message: EmailMessage, invitation: Invitation, kind: string): Promise<boolean> {
    try {
      await this.sender.send(message);
      return true;
    } catch (error) {
      this.logger.warn(
        {
          tenantId: invitation.tenantId,
          invitationId: invitation.invitationId,
          kind,
          reason: (error as Error).message,
        },
        'email not sent',
      );
      return false;
    }
  }
}
