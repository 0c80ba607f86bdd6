import type { AuditEvent, HierarchyDao, TeamPath, Tenant, TenantDao } from '@bbws/data-access-tenants';
import type { Caller } from '@bbws/platform-auth';
import { BusinessRuleError, NotFoundError, PreconditionFailedError } from '@bbws/shared-errors';
import { newId, type Clock } from '@bbws/shared-util';

/** What an audit event may add to who did what to which tenant when. */
export type AuditExtra = Partial<Pick<AuditEvent, 'beforeStatus' | 'afterStatus' | 'reason' | 'details'>>;

/**
 * The tenant rules every organization feature shares (tenants, lifecycle, members, invitations,
 * hierarchy): loading a tenant (404), refusing changes to a deprovisioned one (422), building audit
 * events, and resolving team ids to their places in the hierarchy (422 UNKNOWN_TEAM).
 */
export class OrganizationService {
  constructor(
    private readonly tenants: Pick<TenantDao, 'get'>,
    private readonly hierarchy: Pick<HierarchyDao, 'findTeams'>,
    private readonly clock: Clock,
  ) {}

  async loadTenant(tenantId: string): Promise<Tenant> {
    const tenant = await this.tenants.get(tenantId);
    if (!tenant) throw new NotFoundError('TENANT', tenantId);
    return tenant;
  }

  /** The organization of a deprovisioned tenant is frozen: reads still work, changes do not. */
  async loadLiveTenant(tenantId: string): Promise<Tenant> {
    const tenant = await this.loadTenant(tenantId);
    assertLive(tenant);
    return tenant;
  }

  /** An audit event for a change made by `caller` now; written by the DAO in the change's own transaction. */
  audit(
    tenantId: string,
    caller: Pick<Caller, 'userId'>,
    action: string,
    extra: AuditExtra = {},
  ): AuditEvent {
    return {
      eventId: newId('evt'),
      tenantId,
      timestamp: this.clock.now().toISOString(),
      actor: caller.userId,
      action,
      ...extra,
    };
  }

  /** The teams' places in the hierarchy; an id that is not a team of this tenant is a 422 UNKNOWN_TEAM. */
  async resolveTeams(tenantId: string, teamIds: readonly string[]): Promise<TeamPath[]> {
    if (teamIds.length === 0) return [];
    const found = await this.hierarchy.findTeams(tenantId, teamIds);
    const unknown = teamIds.filter((teamId) => !found.has(teamId));
    if (unknown.length) {
      throw new BusinessRuleError('UNKNOWN_TEAM', `No such team in this tenant: ${unknown.join(', ')}`, {
        teamIds: unknown,
      });
    }
    return teamIds.map((teamId) => found.get(teamId) as TeamPath);
  }

  /** The places of those of these teams that still exist (deleted ones are left out). */
  async existingTeams(tenantId: string, teamIds: readonly string[]): Promise<TeamPath[]> {
    return [...(await this.hierarchy.findTeams(tenantId, teamIds)).values()];
  }
}

export function assertLive(tenant: Tenant): void {
  if (tenant.status === 'DEPROVISIONED') {
    throw new BusinessRuleError('TENANT_DEPROVISIONED', 'A deprovisioned tenant cannot be changed');
  }
}

/** A change that changes nothing still honours If-Match: a stale `expected` version is a 412. */
export function assertVersion(expected: number, current: { version: number }): void {
  if (expected !== current.version) throw new PreconditionFailedError(expected, current.version);
}
