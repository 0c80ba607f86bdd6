import type { TenantStatusAction } from '@bbws/shared-contracts';

/** Hrefs of the tenant lifecycle actions. */
export const lifecycleRoutes = {
  action: (tenantId: string, action: TenantStatusAction) =>
    `/v1.0/tenants/${tenantId}/lifecycle/${action.toLowerCase()}`,
};
