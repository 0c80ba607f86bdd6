export const instanceKeys = {
  instance: (tenantId: string, environment: string) => ({
    PK: `TENANT#${tenantId}`,
    SK: `INSTANCE#${environment}`,
  }),
  tenantPartition: (tenantId: string) => `TENANT#${tenantId}`,
  instancePrefix: 'INSTANCE#',
};
