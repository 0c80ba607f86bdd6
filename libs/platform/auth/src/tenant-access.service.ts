import { LRUCache } from 'lru-cache';
import type { TenantRole } from '@bbws/shared-contracts';
import { ForbiddenError, NotFoundError } from '@bbws/shared-errors';
import type { Caller } from './caller';
import type { MembershipLookup, TenantMembership } from './membership-lookup.port';

/** What the caller may do in one tenant: a platform admin, or a member with a role. */
export interface TenantAccess {
  tenantId: string;
  isPlatformAdmin: boolean;
  role: TenantRole | null;
}

export type RoleRequirement = 'member' | readonly TenantRole[];

/**
 * Authorization from memberships stored in our tables, with a short cache (≤ 30 s) so a removed
 * member loses access quickly everywhere. A non-member gets 404, never a hint the tenant exists.
 */
export class TenantAccessService {
  private readonly cache: LRUCache<string, { member: TenantMembership | null }>;

  constructor(
    private readonly memberships: MembershipLookup,
    ttlMs: number,
  ) {
    this.cache = new LRUCache({ max: 10_000, ttl: Math.max(ttlMs, 1), ttlAutopurge: false });
  }

  async require(
    caller: Caller,
    tenantId: string,
    requirement: RoleRequirement = 'member',
  ): Promise<TenantAccess> {
    if (caller.isPlatformAdmin) return { tenantId, isPlatformAdmin: true, role: null };
    const member = await this.membership(tenantId, caller.userId);
    if (!member) throw new NotFoundError('TENANT', tenantId);
    if (requirement !== 'member' && !requirement.includes(member.role)) {
      throw new ForbiddenError(`This action needs the ${requirement.join(' or ')} role in this tenant`, {
        requiredRoles: [...requirement],
        role: member.role,
      });
    }
    return { tenantId, isPlatformAdmin: false, role: member.role };
  }

  /** Like `require`, but answers instead of throwing (for state-aware links). */
  async membership(tenantId: string, userId: string): Promise<TenantMembership | null> {
    const key = `${tenantId}#${userId}`;
    const cached = this.cache.get(key);
    if (cached) return cached.member;
    const member = await this.memberships.find(tenantId, userId);
    this.cache.set(key, { member });
    return member;
  }

  /** Called by the service that changed a membership, so this process sees it at once. */
  forget(tenantId: string, userId: string): void {
    this.cache.delete(`${tenantId}#${userId}`);
  }
}
