import type { TenantRole } from '@bbws/data-access-memberships';
import type { Site } from '@bbws/data-access-sites';
import type { TenantAccess } from '@bbws/platform-auth';
import { BusinessRuleError, ForbiddenError } from '@bbws/shared-errors';

/** Who installs, updates, toggles and configures plugins; uninstalling is ADMIN's. */
export const PLUGIN_ACTORS: readonly TenantRole[] = ['ADMIN', 'OPERATOR'];
export const PLUGIN_REMOVERS: readonly TenantRole[] = ['ADMIN'];

function hasRole(access: TenantAccess, roles: readonly TenantRole[]): boolean {
  return access.isPlatformAdmin || (access.role !== null && roles.includes(access.role));
}

/** PROD content changes only by promotion, restore or plugin actions by ADMIN (API.md § Sites). */
function prodNeedsAdmin(site: Site, access: TenantAccess): boolean {
  return site.environment === 'PROD' && !hasRole(access, ['ADMIN']);
}

/** Whether `access` may act on the site's plugins with `roles` now (for the links). */
export function mayActOnPlugins(site: Site, access: TenantAccess, roles: readonly TenantRole[]): boolean {
  return site.status === 'ACTIVE' && hasRole(access, roles) && !prodNeedsAdmin(site, access);
}

/**
 * 403 for a plugin action on a PROD site by anyone but an ADMIN (roles are checked before the site is
 * read), 422 INVALID_SITE_STATE unless the site is ACTIVE.
 */
export function assertPluginAction(site: Site, access: TenantAccess): void {
  if (prodNeedsAdmin(site, access))
    throw new ForbiddenError('Plugin actions on a PROD site need the ADMIN role in this tenant', {
      requiredRoles: ['ADMIN'],
      environment: site.environment,
    });
  if (site.status !== 'ACTIVE' || site.wpSiteId === null)
    throw new BusinessRuleError('INVALID_SITE_STATE', `A ${site.status} site takes no plugin actions`, {
      siteId: site.siteId,
      status: site.status,
      allowedStatuses: ['ACTIVE'],
    });
}
