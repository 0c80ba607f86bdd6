/** The roles a member holds in a tenant (API.md), shared by the memberships store and authorization. */
export const TENANT_ROLES = ['ADMIN', 'OPERATOR', 'VIEWER'] as const;
export type TenantRole = (typeof TENANT_ROLES)[number];
