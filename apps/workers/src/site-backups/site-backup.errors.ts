import { BusinessRuleError } from '@bbws/shared-errors';

/** The backup failed earlier (or has no archive): it cannot be completed again nor restored. */
export class BackupUnusableError extends BusinessRuleError {
  constructor(backupId: string, status: string) {
    super('BACKUP_NOT_USABLE', `Backup ${backupId} is ${status} and has no usable archive`, {
      backupId,
      status,
    });
  }
}

/** The site has no network site (blog id) to export or import. */
export class SiteNotOnNetworkError extends BusinessRuleError {
  constructor(siteId: string) {
    super('SITE_NOT_ON_NETWORK', `Site ${siteId} has no WordPress site on its instance`, { siteId });
  }
}
