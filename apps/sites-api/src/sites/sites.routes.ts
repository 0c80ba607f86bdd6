/** Every href the sites API hands out comes from here (only routes that exist today). */
const collection = (tenantId: string) => `/v1.0/tenants/${tenantId}/sites`;
const site = (tenantId: string, siteId: string) => `${collection(tenantId)}/${siteId}`;

export const siteRoutes = {
  collection,
  site,
  status: (tenantId: string, siteId: string) => `${site(tenantId, siteId)}/status`,
  tenant: (tenantId: string) => `/v1.0/tenants/${tenantId}`,
  instance: (tenantId: string, instanceId: string) => `/v1.0/tenants/${tenantId}/instances/${instanceId}`,
};
