export {
  BACKUP_REASONS,
  BACKUP_STATUSES,
  SITE_HEALTH_STATUSES,
  SITE_QUOTAS,
  SITE_STATUSES,
  type Backup,
  type BackupReason,
  type BackupStatus,
  type InstalledPlugin,
  type Site,
  type SiteConfiguration,
  type SiteError,
  type SiteHealthStatus,
  type SiteStatus,
} from './site.entity';
export { siteKeys } from './site.keys';
export {
  BackupFinishedError,
  PluginAlreadyInstalledError,
  QuotaExceededError,
  SiteStatusChangedError,
  SubdomainTakenError,
} from './site.errors';
export { SiteDao, type SiteListFilter } from './site.dao';
export {
  applySiteChange,
  type SiteChange,
  type SiteChanges,
  type SubdomainGuardRelease,
} from './site.writes';
export { InstalledPluginDao, type InstalledPluginChanges } from './installed-plugin.dao';
export { BackupDao, type BackupResult } from './backup.dao';
