import type { TenantRole } from '@bbws/data-access-memberships';
import type { Site, SiteStatus } from '@bbws/data-access-sites';
import type { TenantAccess } from '@bbws/platform-auth';
import type { HostingEnvironment } from '@bbws/shared-contracts';
import { BusinessRuleError, InvalidStatusTransitionError } from '@bbws/shared-errors';

/** What a member can ask of an existing site (each one operation on it, clone one on the new site). */
export type SiteAction =
  | 'UPDATE'
  | 'APPLY_TEMPLATE'
  | 'DELETE'
  | 'SUSPEND'
  | 'RESUME'
  | 'UNDELETE'
  | 'CLONE'
  | 'PROMOTE'
  | 'BACKUP'
  | 'RESTORE'
  | 'RETRY';

interface SiteActionRule {
  from: readonly SiteStatus[];
  roles: readonly TenantRole[];
  /** PROD content arrives by promotion, restore or plugin actions: refused on PROD except for platform admins. */
  prodContentLocked?: true;
  /** Who may start it on a PROD site, when fewer than `roles`. */
  prodRoles?: readonly TenantRole[];
}

/**
 * API.md § Sites, the state machine as the API enforces it: which action starts from which status, who
 * may ask. The workers make the moves (SUSPENDED, ACTIVE, DELETED); the API only writes DEPROVISIONING.
 */
export const SITE_ACTIONS: Record<SiteAction, SiteActionRule> = {
  UPDATE: { from: ['ACTIVE'], roles: ['ADMIN', 'OPERATOR'], prodContentLocked: true },
  APPLY_TEMPLATE: { from: ['ACTIVE'], roles: ['ADMIN', 'OPERATOR'], prodContentLocked: true },
  DELETE: { from: ['ACTIVE', 'SUSPENDED', 'FAILED'], roles: ['ADMIN'] },
  SUSPEND: { from: ['ACTIVE'], roles: ['ADMIN'] },
  RESUME: { from: ['SUSPENDED'], roles: ['ADMIN'] },
  /** A PROD site soft-deleted by SITE_DELETION (purgeAfter in the future) comes back ACTIVE. */
  UNDELETE: { from: ['DEPROVISIONING'], roles: ['ADMIN'] },
  CLONE: { from: ['ACTIVE'], roles: ['ADMIN', 'OPERATOR'] },
  PROMOTE: { from: ['ACTIVE'], roles: ['ADMIN'] },
  BACKUP: { from: ['ACTIVE', 'SUSPENDED'], roles: ['ADMIN'] },
  RESTORE: { from: ['ACTIVE', 'SUSPENDED'], roles: ['ADMIN'] },
  /** Re-runs a failed creation or clone (FAILED → PROVISIONING); which failure it was is the use case's check. */
  RETRY: { from: ['FAILED'], roles: ['ADMIN', 'OPERATOR'], prodRoles: ['ADMIN'] },
};

/** Where a site of each environment is promoted to (PROD is the end of the line). */
export const PROMOTION_PATHS: Readonly<Record<HostingEnvironment, 'SIT' | 'PROD' | null>> = {
  DEV: 'SIT',
  SIT: 'PROD',
  PROD: null,
};

export function hasRole(access: TenantAccess, roles: readonly TenantRole[]): boolean {
  return access.isPlatformAdmin || (access.role !== null && roles.includes(access.role));
}

/** A PROD site in its 24 h soft delete: DEPROVISIONING with `purgeAfter` still ahead. */
export function isSoftDeleted(site: Site, now: Date): boolean {
  return (
    site.environment === 'PROD' &&
    site.status === 'DEPROVISIONING' &&
    site.purgeAfter !== null &&
    Date.parse(site.purgeAfter) > now.getTime()
  );
}

function startsFrom(site: Site, action: SiteAction, now: Date): boolean {
  if (!SITE_ACTIONS[action].from.includes(site.status)) return false;
  return action !== 'UNDELETE' || isSoftDeleted(site, now);
}

function contentLocked(site: Site, action: SiteAction, access: TenantAccess): boolean {
  return (
    SITE_ACTIONS[action].prodContentLocked === true && site.environment === 'PROD' && !access.isPlatformAdmin
  );
}

/** The roles that may start `action` on the site (fewer on PROD for some). */
export function rolesFor(site: Site, action: SiteAction): readonly TenantRole[] {
  const rule = SITE_ACTIONS[action];
  return site.environment === 'PROD' && rule.prodRoles ? rule.prodRoles : rule.roles;
}

/** Whether `access` may start `action` on the site as it is (for the links; the role check included). */
export function allows(site: Site, action: SiteAction, access: TenantAccess, now: Date): boolean {
  return (
    hasRole(access, rolesFor(site, action)) &&
    startsFrom(site, action, now) &&
    !contentLocked(site, action, access)
  );
}

/** The action PUT .../status means for the site as it is: suspend, resume, or undo a PROD soft delete. */
export function statusChangeAction(site: Site, requested: 'ACTIVE' | 'SUSPENDED'): SiteAction {
  if (requested === 'SUSPENDED') return 'SUSPEND';
  return site.status === 'DEPROVISIONING' ? 'UNDELETE' : 'RESUME';
}

/** The statuses PUT .../status can move the site to from where it is (the 422's `allowedTransitions`). */
export function allowedStatusTransitions(site: Site, now: Date): Array<'ACTIVE' | 'SUSPENDED'> {
  const allowed: Array<'ACTIVE' | 'SUSPENDED'> = [];
  if (startsFrom(site, 'SUSPEND', now)) allowed.push('SUSPENDED');
  if (startsFrom(site, 'RESUME', now) || startsFrom(site, 'UNDELETE', now)) allowed.push('ACTIVE');
  return allowed;
}

/**
 * Throws the 422 when the site cannot take `action` now: PROD_CONTENT_LOCKED for settings or template
 * changes on PROD (platform admins excepted), INVALID_SITE_STATE with the status otherwise. Roles are
 * checked before the site is read (403 without revealing its state).
 */
export function assertSiteAction(site: Site, action: SiteAction, access: TenantAccess, now: Date): void {
  if (contentLocked(site, action, access))
    throw new BusinessRuleError(
      'PROD_CONTENT_LOCKED',
      'PROD content arrives by promotion, restore or plugin actions, not by direct changes',
      { siteId: site.siteId, environment: site.environment, action },
    );
  if (!startsFrom(site, action, now))
    throw new BusinessRuleError('INVALID_SITE_STATE', `A ${site.status} site cannot take ${action}`, {
      siteId: site.siteId,
      status: site.status,
      action,
      allowedStatuses: SITE_ACTIONS[action].from,
    });
}

/** PUT .../status: the same status, or one the site cannot reach from where it is, is 422 INVALID_STATUS_TRANSITION. */
export function assertStatusChange(site: Site, requested: 'ACTIVE' | 'SUSPENDED', now: Date): SiteAction {
  const action = statusChangeAction(site, requested);
  if (!startsFrom(site, action, now))
    throw new InvalidStatusTransitionError(site.status, requested, allowedStatusTransitions(site, now));
  return action;
}

/**
 * Whether applying a template replaces content the site has: it got a template's pages already, or a
 * promotion's content. (Content typed into WordPress by hand is not known to the platform; a site with
 * neither is treated as empty.)
 */
export function hasContent(site: Site): boolean {
  return site.templateId !== null || site.promotedFromSiteId !== null;
}

const LINKED_ACTIONS: readonly SiteAction[] = [
  'UPDATE',
  'APPLY_TEMPLATE',
  'DELETE',
  'SUSPEND',
  'RESUME',
  'UNDELETE',
  'CLONE',
  'PROMOTE',
  'BACKUP',
  'RESTORE',
  'RETRY',
];

/** The actions `access` may start on the site now; none while an operation runs on it (they would be 409s). */
export function allowedActions(
  site: Site,
  access: TenantAccess,
  now: Date,
  operationRunning: boolean,
): SiteAction[] {
  if (operationRunning) return [];
  return LINKED_ACTIONS.filter(
    (action) =>
      allows(site, action, access, now) &&
      (action !== 'PROMOTE' || PROMOTION_PATHS[site.environment] !== null),
  );
}
