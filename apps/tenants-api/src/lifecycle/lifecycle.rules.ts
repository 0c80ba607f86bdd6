import type { TenantStatus } from '@bbws/data-access-tenants';
import type { TenantStatusAction } from '@bbws/shared-contracts';

/** Each lifecycle action takes a tenant from one status to another (API.md § Tenants). */
export const LIFECYCLE_ACTIONS: Record<TenantStatusAction, { from: TenantStatus; to: TenantStatus }> = {
  SUSPEND: { from: 'ACTIVE', to: 'SUSPENDED' },
  RESUME: { from: 'SUSPENDED', to: 'ACTIVE' },
  PARK: { from: 'ACTIVE', to: 'PARKED' },
  UNPARK: { from: 'PARKED', to: 'ACTIVE' },
};

/** The actions a tenant in `status` accepts (resume does not undo a park, nor unpark a suspension). */
export function lifecycleActionsFrom(status: TenantStatus): TenantStatusAction[] {
  return (Object.keys(LIFECYCLE_ACTIONS) as TenantStatusAction[]).filter(
    (action) => LIFECYCLE_ACTIONS[action].from === status,
  );
}
