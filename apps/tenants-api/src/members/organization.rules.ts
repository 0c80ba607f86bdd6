import type { AuditEvent, HierarchyDao, TeamPath, Tenant, TenantDao } from '@bbws/data-access-tenants';
import type { Caller } from '@bbws/platform-auth';
import { BusinessRuleError, NotFoundError } from '@bbws/shared-errors';
import { newId, type Clock } from '@bbws/shared-util';

/** An audit event for a change made by `caller` now; written by the DAO in the change's own transaction. */
export function auditEvent(
  clock: Clock,
  tenantId: string,
  caller: Pick<Caller, 'userId'>,
  action: string,
  details?: Record<string, unknown>,
): AuditEvent {
  return {
    eventId: newId('evt'),
    tenantId,
    timestamp: clock.now().toISOString(),
    actor: caller.userId,
    action,
    ...(details ? { details } : {}),
  };
}

export async function loadTenant(tenants: TenantDao, tenantId: string): Promise<Tenant> {
  const tenant = await tenants.get(tenantId);
  if (!tenant) throw new NotFoundError('TENANT', tenantId);
  return tenant;
}

/** The organization of a deprovisioned tenant is frozen: reads still work, changes do not. */
export async function loadLiveTenant(tenants: TenantDao, tenantId: string): Promise<Tenant> {
  const tenant = await loadTenant(tenants, tenantId);
  if (tenant.status === 'DEPROVISIONED') {
    throw new BusinessRuleError('TENANT_DEPROVISIONED', 'A deprovisioned tenant cannot be changed');
  }
  return tenant;
}

/** The teams' places in the hierarchy; an id that is not a team of this tenant is a 422 UNKNOWN_TEAM. */
export async function resolveTeams(
  hierarchy: HierarchyDao,
  tenantId: string,
  teamIds: readonly string[],
): Promise<TeamPath[]> {
  if (teamIds.length === 0) return [];
  const found = await hierarchy.findTeams(tenantId, teamIds);
  const unknown = teamIds.filter((teamId) => !found.has(teamId));
  if (unknown.length) {
    throw new BusinessRuleError('UNKNOWN_TEAM', `No such team in this tenant: ${unknown.join(', ')}`, {
      teamIds: unknown,
    });
  }
  return teamIds.map((teamId) => found.get(teamId) as TeamPath);
}
