/** The tenant side of an instance becoming ACTIVE: a PENDING tenant becomes ACTIVE with its first instance. */
export interface TenantActivation {
  instanceActive(
    tenantId: string,
    instanceId: string,
    context?: { operationId?: string; actor?: string },
  ): Promise<void>;
}
