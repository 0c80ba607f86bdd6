import { MAX_RESENDS } from '@bbws/data-access-tenants';
import { link, links } from '@bbws/shared-hateoas';
import type { InvitationResponseDto } from './dto/invitation.response.dto';
import { invitationRoutes } from './invitations.routes';
import type { InvitationView } from './invitations.service';

/** An invitation as ADMINs see it: never the token or its hash; cancel/resend only while PENDING. */
export function presentInvitation({ invitation, status }: InvitationView): InvitationResponseDto {
  const { tenantId, invitationId } = invitation;
  const self = invitationRoutes.invitation(tenantId, invitationId);
  const pending = status === 'PENDING';
  return {
    invitationId,
    tenantId,
    email: invitation.email,
    role: invitation.role,
    teamIds: invitation.teamIds,
    status,
    expiresAt: invitation.expiresAt,
    invitedBy: invitation.invitedBy,
    message: invitation.message,
    resendCount: invitation.resendCount,
    createdAt: invitation.createdAt,
    updatedAt: invitation.updatedAt,
    respondedAt: invitation.respondedAt,
    version: invitation.version,
    _links: links([
      ['self', link(self)],
      ['cancel', link(self, 'DELETE'), pending],
      [
        'resend',
        link(invitationRoutes.resend(tenantId, invitationId), 'POST'),
        pending && invitation.resendCount < MAX_RESENDS,
      ],
      ['collection', link(invitationRoutes.collection(tenantId))],
      ['tenant', link(invitationRoutes.tenant(tenantId))],
    ]),
  };
}
