/** Every href the sites API hands out comes from here (plugins and health are served by their own modules). */
const collection = (tenantId: string) => `/v1.0/tenants/${tenantId}/sites`;
const site = (tenantId: string, siteId: string) => `${collection(tenantId)}/${siteId}`;
const backups = (tenantId: string, siteId: string) => `${site(tenantId, siteId)}/backups`;
const backup = (tenantId: string, siteId: string, backupId: string) =>
  `${backups(tenantId, siteId)}/${backupId}`;

export const siteRoutes = {
  collection,
  site,
  status: (tenantId: string, siteId: string) => `${site(tenantId, siteId)}/status`,
  clone: (tenantId: string, siteId: string) => `${site(tenantId, siteId)}/clone`,
  retry: (tenantId: string, siteId: string) => `${site(tenantId, siteId)}/retry`,
  promote: (tenantId: string, siteId: string) => `${site(tenantId, siteId)}/promote`,
  applyTemplate: (tenantId: string, siteId: string) => `${site(tenantId, siteId)}/apply-template`,
  plugins: (tenantId: string, siteId: string) => `${site(tenantId, siteId)}/plugins`,
  health: (tenantId: string, siteId: string) => `${site(tenantId, siteId)}/health`,
  backups,
  backup,
  restoreBackup: (tenantId: string, siteId: string, backupId: string) =>
    `${backup(tenantId, siteId, backupId)}/restore`,
  tenant: (tenantId: string) => `/v1.0/tenants/${tenantId}`,
  instance: (tenantId: string, instanceId: string) => `/v1.0/tenants/${tenantId}/instances/${instanceId}`,
};
