export const memberKeys = {
  member: (tenantId: string, userId: string) => ({ PK: `TENANT#${tenantId}`, SK: `MEMBER#${userId}` }),
  memberPrefix: 'MEMBER#',
  tenantPartition: (tenantId: string) => `TENANT#${tenantId}`,
  userTenants: (userId: string) => `USER#${userId}`,
  userTenantSort: (tenantId: string) => `TENANT#${tenantId}`,
};
