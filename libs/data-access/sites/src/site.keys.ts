/** Keys of the sites table's site-side items (DATA.md § `bbws-sites-{stage}`). */
export const siteKeys = {
  site: (tenantId: string, siteId: string) => ({ PK: `TENANT#${tenantId}`, SK: `SITE#${siteId}` }),
  tenantPartition: (tenantId: string) => `TENANT#${tenantId}`,
  sitePrefix: 'SITE#',
  /** GSI1: a site by id (workers, events). */
  byId: (siteId: string) => `SITE#${siteId}`,
  byIdSort: 'SITE',
  /** GSI2: one environment's sites in one status, by last change (fleet views, stuck-state sweeps). */
  fleet: (environment: string, status: string) => `SITES#${environment}#${status}`,
  fleetSort: (updatedAt: string, siteId: string) => `${updatedAt}#${siteId}`,
  /** GSI3: the sites served by one instance. */
  byInstance: (instanceId: string) => `INSTANCE#${instanceId}`,
  byInstanceSort: (siteId: string) => `SITE#${siteId}`,
  /** Platform-wide: one site holds a subdomain until it is DELETED. */
  subdomainGuard: (subdomain: string) => ({ PK: `SUBDOMAIN#${subdomain}`, SK: 'GUARD' }),
  /** The tenant's live (not DELETED) sites in one environment, checked against the tier's quota. */
  siteCount: (tenantId: string, environment: string) => ({
    PK: `TENANT#${tenantId}`,
    SK: `SITECOUNT#${environment}`,
  }),
  /** The site's partition: its installed plugins and backups. */
  sitePartition: (siteId: string) => `SITE#${siteId}`,
  installedPlugin: (siteId: string, pluginId: string) => ({ PK: `SITE#${siteId}`, SK: `PLUGIN#${pluginId}` }),
  installedPluginPrefix: 'PLUGIN#',
  backup: (siteId: string, createdAt: string, backupId: string) => ({
    PK: `SITE#${siteId}`,
    SK: `BACKUP#${createdAt}#${backupId}`,
  }),
  backupPrefix: 'BACKUP#',
  /** Points from a backup's id to its item, whose sort key starts with the creation time. */
  backupPointer: (siteId: string, backupId: string) => ({ PK: `SITE#${siteId}`, SK: `BACKUPID#${backupId}` }),
};
