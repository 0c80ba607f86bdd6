/** Every href of a site's plugins. */
const site = (tenantId: string, siteId: string) => `/v1.0/tenants/${tenantId}/sites/${siteId}`;
const collection = (tenantId: string, siteId: string) => `${site(tenantId, siteId)}/plugins`;
const plugin = (tenantId: string, siteId: string, pluginId: string) =>
  `${collection(tenantId, siteId)}/${pluginId}`;

export const sitePluginRoutes = {
  site,
  collection,
  plugin,
  status: (tenantId: string, siteId: string, pluginId: string) =>
    `${plugin(tenantId, siteId, pluginId)}/status`,
  update: (tenantId: string, siteId: string, pluginId: string) =>
    `${plugin(tenantId, siteId, pluginId)}/update`,
  config: (tenantId: string, siteId: string, pluginId: string) =>
    `${plugin(tenantId, siteId, pluginId)}/config`,
  catalogue: (pluginId: string) => `/v1.0/plugins/${pluginId}`,
};
