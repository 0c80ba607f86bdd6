import type { TenantRole } from '@bbws/shared-contracts';

/** What authorization needs to know of a caller's membership in one tenant. */
export interface TenantMembership {
  tenantId: string;
  userId: string;
  role: TenantRole;
}

/** Where tenant access reads memberships: the memberships store, chosen by each app (`AuthModule.forMemberships`). */
export interface MembershipLookup {
  find(tenantId: string, userId: string): Promise<TenantMembership | null>;
}
