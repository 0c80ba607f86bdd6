import type { TenantLifecycleAction } from '@bbws/shared-contracts';

/** Hrefs of the tenant lifecycle actions. */
export const lifecycleRoutes = {
  action: (tenantId: string, action: TenantLifecycleAction) =>
    `/v1.0/tenants/${tenantId}/lifecycle/${action.toLowerCase()}`,
};
