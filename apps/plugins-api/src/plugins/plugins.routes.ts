/** Every href the plugins API hands out comes from here. */
const publicPlugin = (pluginId: string) => `/v1.0/plugins/${pluginId}`;
const adminPlugin = (pluginId: string) => `/v1.0/admin/plugins/${pluginId}`;

export const pluginRoutes = {
  collection: '/v1.0/plugins',
  plugin: publicPlugin,
  installability: (pluginId: string) => `${publicPlugin(pluginId)}/installability`,
  adminCollection: '/v1.0/admin/plugins',
  uploads: '/v1.0/admin/plugins/uploads',
  vulnerabilityImport: '/v1.0/admin/plugins/vulnerabilities/import',
  adminPlugin,
  versions: (pluginId: string) => `${adminPlugin(pluginId)}/versions`,
  download: (pluginId: string, version: string) =>
    `${adminPlugin(pluginId)}/versions/${encodeURIComponent(version)}/download`,
  blocklist: (pluginId: string) => `${adminPlugin(pluginId)}/blocklist`,
  conflicts: (pluginId: string) => `${adminPlugin(pluginId)}/conflicts`,
};
