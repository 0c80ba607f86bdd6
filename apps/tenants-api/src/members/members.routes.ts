/** Every href of the members API comes from here (`/users` paths are accepted as aliases, never handed out). */
export const memberRoutes = {
  collection: (tenantId: string) => `/v1.0/tenants/${tenantId}/members`,
  member: (tenantId: string, userId: string) => `/v1.0/tenants/${tenantId}/members/${userId}`,
  user: (userId: string) => `/v1.0/users/${userId}`,
  tenant: (tenantId: string) => `/v1.0/tenants/${tenantId}`,
};
