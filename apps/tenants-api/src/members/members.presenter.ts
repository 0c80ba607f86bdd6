import { link, links } from '@bbws/shared-hateoas';
import type { MemberResponseDto } from './dto/member.response.dto';
import { memberRoutes } from './members.routes';
import type { MemberView } from './members.service';

/** A membership with the links the caller may follow: ADMINs manage, the last ADMIN cannot be demoted or removed. */
export function presentMember({ member, access, adminCount }: MemberView): MemberResponseDto {
  const admin = access.isPlatformAdmin || access.role === 'ADMIN';
  const manager = admin || access.role === 'OPERATOR';
  const lastAdmin = member.role === 'ADMIN' && adminCount <= 1;
  const self = memberRoutes.member(member.tenantId, member.userId);
  return {
    userId: member.userId,
    tenantId: member.tenantId,
    email: member.email,
    name: member.name,
    role: member.role,
    teamIds: member.teamIds,
    joinedAt: member.joinedAt,
    addedBy: member.addedBy,
    updatedAt: member.updatedAt,
    version: member.version,
    _links: links([
      ['self', link(self)],
      ['update', link(self, 'PATCH'), admin],
      ['remove', link(self, 'DELETE'), admin && !lastAdmin],
      ['user', link(memberRoutes.user(member.userId))],
      ['collection', link(memberRoutes.collection(member.tenantId)), manager],
      ['tenant', link(memberRoutes.tenant(member.tenantId))],
    ]),
  };
}
