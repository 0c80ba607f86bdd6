import type { InstanceTierName } from '@bbws/data-access-instances';

/**
 * Completed backups kept per site, by the tier of the site's instance: older ones (and failed ones
 * older than the last kept) are deleted with their archives after each new backup.
 */
export const BACKUP_RETENTION: Record<InstanceTierName, number> = {
  STANDARD: 7,
  PROFESSIONAL: 14,
  ENTERPRISE: 30,
};
