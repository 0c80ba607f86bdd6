export const tenantKeys = {
  tenant: (tenantId: string) => ({ PK: `TENANT#${tenantId}`, SK: 'TENANT' }),
  orgNameGuard: (normalizedName: string) => ({ PK: `ORGNAME#${normalizedName}`, SK: 'GUARD' }),
  audit: (tenantId: string, timestamp: string, eventId: string) => ({
    PK: `TENANT#${tenantId}`,
    SK: `AUDIT#${timestamp}#${eventId}`,
  }),
  auditPrefix: 'AUDIT#',
  tenantPartition: (tenantId: string) => `TENANT#${tenantId}`,
  allTenants: 'TENANTS',
  byStatus: (status: string) => `TENANTS#STATUS#${status}`,
  byName: 'TENANTS#NAME',
  createdSort: (createdAt: string, tenantId: string) => `${createdAt}#${tenantId}`,
  updatedSort: (updatedAt: string, tenantId: string) => `${updatedAt}#${tenantId}`,
};
