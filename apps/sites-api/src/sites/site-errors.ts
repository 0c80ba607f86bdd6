import type { InstallRefusal } from '@bbws/data-access-catalogue';
import { QuotaExceededError, SubdomainTakenError } from '@bbws/data-access-sites';
import { AppError, BusinessRuleError, ConflictError, NotFoundError } from '@bbws/shared-errors';

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
