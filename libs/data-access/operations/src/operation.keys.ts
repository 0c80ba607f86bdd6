/** Keys of the operations table (DATA.md). */
export const operationKeys = {
  operation: (operationId: string) => ({ PK: `OP#${operationId}`, SK: 'OP' }),
  lock: (resourceId: string) => ({ PK: `LOCK#${resourceId}`, SK: 'LOCK' }),
  byTenant: (tenantId: string) => `TENANT#${tenantId}`,
  byResource: (resourceId: string) => `RESOURCE#${resourceId}`,
  byStatus: (status: string) => `OPS#${status}`,
  createdSort: (createdAt: string, operationId: string) => `${createdAt}#${operationId}`,
  updatedSort: (updatedAt: string, operationId: string) => `${updatedAt}#${operationId}`,
};
