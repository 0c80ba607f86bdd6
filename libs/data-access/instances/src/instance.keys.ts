/** Keys of the instances table (DATA.md § `bbws-instances-{stage}`). */
export const instanceKeys = {
  instance: (tenantId: string, environment: string) => ({
    PK: `TENANT#${tenantId}`,
    SK: `INSTANCE#${environment}`,
  }),
  tenantPartition: (tenantId: string) => `TENANT#${tenantId}`,
  instancePrefix: 'INSTANCE#',
  /** GSI1: an instance by id (workers, events). */
  byId: (instanceId: string) => `INSTANCE#${instanceId}`,
  byIdSort: 'INSTANCE',
  /** GSI2: the fleet of one environment in one status, by last change (fleet views, stuck-state sweeps). */
  fleet: (environment: string, status: string) => `INSTANCES#${environment}#${status}`,
  fleetSort: (updatedAt: string, tenantId: string) => `${updatedAt}#${tenantId}`,
  slugGuard: (environment: string, slug: string) => ({ PK: `SLUG#${environment}#${slug}`, SK: 'GUARD' }),
  priorityGuard: (environment: string, priority: number) => ({
    PK: `PRIORITY#${environment}#${priority}`,
    SK: 'GUARD',
  }),
  runtimeLookup: (environment: string, serviceName: string) => ({
    PK: `RUNTIME#${environment}#${serviceName}`,
    SK: 'INSTANCE',
  }),
};
