/** Every href of the vulnerability import comes from here. */
export const vulnerabilityRoutes = {
  import: '/v1.0/admin/plugins/vulnerabilities/import',
  uploads: '/v1.0/admin/plugins/uploads',
  adminPlugins: '/v1.0/admin/plugins',
  plugin: (pluginId: string) => `/v1.0/plugins/${pluginId}`,
};
