/** Every href the tenants API hands out comes from here. */
export const tenantRoutes = {
  collection: () => '/v1.0/tenants',
  tenant: (tenantId: string) => `/v1.0/tenants/${tenantId}`,
  status: (tenantId: string) => `/v1.0/tenants/${tenantId}/status`,
  audit: (tenantId: string) => `/v1.0/tenants/${tenantId}/audit`,
  members: (tenantId: string) => `/v1.0/tenants/${tenantId}/members`,
  divisions: (tenantId: string) => `/v1.0/tenants/${tenantId}/divisions`,
  hierarchy: (tenantId: string) => `/v1.0/tenants/${tenantId}/hierarchy`,
  invitations: (tenantId: string) => `/v1.0/tenants/${tenantId}/invitations`,
};
