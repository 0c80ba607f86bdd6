import { BusinessRuleError } from '@bbws/shared-errors';

/** The site to copy is not ACTIVE (or has no network site): retrying cannot help, the operation fails. */
export class SourceSiteNotActiveError extends BusinessRuleError {
  constructor(siteId: string, status: string) {
    super('SOURCE_SITE_NOT_ACTIVE', `Site ${siteId} is ${status}, not ACTIVE: it cannot be copied`, {
      siteId,
      status,
    });
  }
}
