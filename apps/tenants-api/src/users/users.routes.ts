/** Every href of the users API comes from here. */
export const userRoutes = {
  me: () => '/v1.0/users/me',
  user: (userId: string) => `/v1.0/users/${userId}`,
  tenants: (userId: string) => `/v1.0/users/${userId}/tenants`,
  tenant: (tenantId: string) => `/v1.0/tenants/${tenantId}`,
  membership: (tenantId: string, userId: string) => `/v1.0/tenants/${tenantId}/members/${userId}`,
};
