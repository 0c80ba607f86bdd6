import { link, links } from '@bbws/shared-hateoas';
import type { MeResponseDto, UserResponseDto, UserTenantResponseDto } from './dto/user.response.dto';
import { userRoutes } from './users.routes';
import type { MembershipView, MeView, UserView } from './users.service';

export function presentMe({ profile, isPlatformAdmin, memberships, moreMemberships }: MeView): MeResponseDto {
  return {
    ...profile,
    isPlatformAdmin,
    memberships: memberships.map(presentUserTenant),
    moreMemberships,
    _links: {
      self: link(userRoutes.me()),
      user: link(userRoutes.user(profile.userId)),
      tenants: link(userRoutes.tenants(profile.userId)),
    },
  };
}

export function presentUser({ profile, memberships, canListTenants }: UserView): UserResponseDto {
  return {
    ...profile,
    teams: memberships.flatMap((member) =>
      member.teamIds.map((teamId) => ({ tenantId: member.tenantId, teamId })),
    ),
    _links: links([
      ['self', link(userRoutes.user(profile.userId))],
      ['tenants', link(userRoutes.tenants(profile.userId)), canListTenants],
    ]),
  };
}

export function presentUserTenant({ member, tenant }: MembershipView): UserTenantResponseDto {
  return {
    tenantId: tenant.tenantId,
    organizationName: tenant.organizationName,
    role: member.role,
    teamIds: member.teamIds,
    joinedAt: member.joinedAt,
    _links: {
      tenant: link(userRoutes.tenant(tenant.tenantId)),
      membership: link(userRoutes.membership(tenant.tenantId, member.userId)),
    },
  };
}
