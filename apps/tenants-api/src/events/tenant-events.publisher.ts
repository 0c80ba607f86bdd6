import type { Invitation, Tenant } from '@bbws/data-access-tenants';
import type { Member } from '@bbws/data-access-memberships';
import type { EventPublisher, PublishedEvent } from '@bbws/platform-sqs';
import type { Logger } from '@bbws/shared-logging';

/**
 * The webhook events the tenants API announces, sent after the change committed. The change stands
 * either way: a failed send is logged (with the event) rather than turning a done request into a 500.
 */
export class TenantEventsPublisher {
  constructor(
    private readonly events: EventPublisher,
    private readonly logger: Logger,
  ) {}

  /** Same data as the workers' lifecycle events; `operationId` is null for changes made in the request. */
  statusChanged(before: Tenant, after: Tenant, correlationId: string): Promise<void> {
    return this.publish({
      tenantId: after.tenantId,
      type: 'tenant.status_changed',
      correlationId,
      data: {
        tenantId: after.tenantId,
        previousStatus: before.status,
        status: after.status,
        reason: after.statusReason ?? null,
        operationId: null,
      },
    });
  }

  /** Who joined with which role and teams; never the token. */
  invitationAccepted(invitation: Invitation, member: Member, correlationId: string): Promise<void> {
    return this.publish({
      tenantId: invitation.tenantId,
      type: 'invitation.accepted',
      correlationId,
      data: {
        invitationId: invitation.invitationId,
        tenantId: invitation.tenantId,
        userId: member.userId,
        email: member.email,
        role: member.role,
        teamIds: member.teamIds,
        invitedBy: invitation.invitedBy,
      },
    });
  }

  private async publish(event: PublishedEvent): Promise<void> {
    try {
      await this.events.publish(event);
    } catch (error) {
      this.logger.error({ err: error, event }, 'webhook event not published after its change committed');
    }
  }
}
