import type { InstallRefusal } from '@bbws/data-access-catalogue';
import { QuotaExceededError, SiteStatusChangedError, SubdomainTakenError } from '@bbws/data-access-sites';
import { operationRoutes } from '@bbws/platform-operations';
import {
  AppError,
  BusinessRuleError,
  ConcurrentChangeError,
  ConflictError,
  ItemMissingError,
  NotFoundError,
  PreconditionFailedError,
  VersionConflictError,
} from '@bbws/shared-errors';

export function siteNotFound(siteId: string): NotFoundError {
  return new NotFoundError('SITE', siteId);
}

/** `INSTANCE_HOST`: an instance of the environment is served on that host name. */
export function subdomainTaken(subdomain: string, heldBy: 'SITE' | 'INSTANCE_HOST' = 'SITE'): ConflictError {
  return new ConflictError('SUBDOMAIN_TAKEN', `The subdomain ${subdomain} is taken`, { subdomain, heldBy });
}

/**
 * The catalogue's refusal as API.md names it: 422 PLUGIN_BLOCKLISTED / PLUGIN_VULNERABLE /
 * INCOMPATIBLE_WORDPRESS, 409 PLUGIN_CONFLICT, and 422 PLUGIN_NOT_AVAILABLE for a plugin the catalogue
 * does not offer (unknown, not approved, no such version); the check's details are passed on.
 */
export function pluginRefused(refusal: InstallRefusal): AppError {
  const { ok: _ok, reason, ...details } = refusal;
  switch (reason) {
    case 'BLOCKLISTED':
      return new BusinessRuleError(
        'PLUGIN_BLOCKLISTED',
        `Plugin ${refusal.pluginId} is blocklisted`,
        details,
      );
    case 'VULNERABLE':
      return new BusinessRuleError(
        'PLUGIN_VULNERABLE',
        `Plugin ${refusal.pluginId} ${refusal.version} has known vulnerabilities`,
        details,
      );
    case 'INCOMPATIBLE_WORDPRESS':
      return new BusinessRuleError(
        'INCOMPATIBLE_WORDPRESS',
        `Plugin ${refusal.pluginId} ${refusal.version} needs WordPress ${refusal.minWordPressVersion} or later`,
        details,
      );
    case 'CONFLICT':
      return new ConflictError(
        'PLUGIN_CONFLICT',
        `Plugin ${refusal.pluginId} conflicts with ${refusal.conflictingPluginId}`,
        details,
      );
    case 'PLUGIN_NOT_FOUND':
    case 'NOT_APPROVED':
    case 'VERSION_NOT_FOUND':
      return new BusinessRuleError(
        'PLUGIN_NOT_AVAILABLE',
        `Plugin ${refusal.pluginId} is not available from the catalogue`,
        { ...details, reason },
      );
  }
}

/** What the store's findings mean when a creation's transaction is refused. */
export function toCreateSiteAppError(error: unknown): unknown {
  if (error instanceof SubdomainTakenError) return subdomainTaken(error.subdomain);
  if (error instanceof QuotaExceededError)
    return new BusinessRuleError(
      'QUOTA_EXCEEDED',
      `The tenant has its ${error.quota} sites in ${error.environment} already`,
      {
        quota: error.quota,
        environment: error.environment,
        ...(error.count === undefined ? {} : { count: error.count }),
      },
    );
  return error;
}

/** API.md's 409 for a site another operation holds, naming and linking that operation. */
export function operationInProgress(
  siteId: string,
  lock: { operationId: string; operationType: string | null },
): ConflictError {
  return new ConflictError('OPERATION_IN_PROGRESS', `Another operation is in progress on ${siteId}`, {
    resourceId: siteId,
    operationId: lock.operationId,
    operationType: lock.operationType,
    href: operationRoutes.operation(lock.operationId),
  });
}

/**
 * What the store's findings mean when an operation on an existing site could not start: a stale version
 * is 412 with If-Match (else 409 CONFLICT: read again), a status that moved on is 422 INVALID_SITE_STATE,
 * a vanished site 404; the creation refusals (a clone's or a promotion target's) as for a new site.
 */
export function toSiteActionAppError(
  error: unknown,
  context: { siteId: string; action: string; ifMatch?: number },
): unknown {
  if (error instanceof VersionConflictError)
    return context.ifMatch !== undefined
      ? new PreconditionFailedError(error.expected, error.current)
      : new ConflictError('CONFLICT', 'The site changed meanwhile; read it again and retry', {
          currentVersion: error.current,
        });
  if (error instanceof SiteStatusChangedError)
    return new BusinessRuleError(
      'INVALID_SITE_STATE',
      `A ${error.currentStatus} site cannot take ${context.action}`,
      { siteId: context.siteId, status: error.currentStatus, action: context.action },
    );
  if (error instanceof ItemMissingError) return siteNotFound(context.siteId);
  if (error instanceof ConcurrentChangeError)
    return new ConflictError('CONFLICT', 'A concurrent change got in the way; retry');
  return toCreateSiteAppError(error);
}
