import { requirePlatformAdmin, type Caller } from '@bbws/platform-auth';
import type { OperationLauncher } from '@bbws/platform-operations';
import type { InstanceReaderDao } from '@bbws/data-access-instances';
import { MESSAGES, type Operation, type TenantStatusAction } from '@bbws/shared-contracts';
import { BusinessRuleError } from '@bbws/shared-errors';
import type { OrganizationService } from '../organization/organization.service';
import type { TenantsService, TenantView } from '../tenants/tenants.service';
import { assertTransition, allowedTransitions } from '../tenants/tenant-status.rules';
import { LIFECYCLE_ACTIONS, lifecycleActionsFrom } from './lifecycle.rules';

/**
 * Accepts tenant lifecycle requests as operations: the transition is checked now (a 422 instead of
 * a failed operation later), then the operation, its lock on the tenant and its message are stored
 * and sent by the launcher; the tenant-events worker applies the change.
 */
export class LifecycleService {
  constructor(
    private readonly organization: Pick<OrganizationService, 'loadTenant'>,
    private readonly launcher: Pick<OperationLauncher, 'launch'>,
    private readonly tenants: Pick<TenantsService, 'deprovision'>,
    private readonly instances: Pick<InstanceReaderDao, 'tenantHasLiveInstances'>,
  ) {}

  /**
   * DELETE /tenants/{t}. Without instances the tenant is DEPROVISIONED at once (200, nothing runs anywhere).
   * With instances, `force` is required (422 TENANT_HAS_RESOURCES otherwise) and the answer is a
   * TENANT_DEPROVISION operation (202): the worker deprovisions every instance (each its own
   * INSTANCE_DEPROVISION operation, data archived first), then marks the tenant DEPROVISIONED.
   */
  async deprovision(
    caller: Caller,
    tenantId: string,
    force: boolean,
    correlationId: string,
    ifMatch?: number,
  ): Promise<{ tenant: TenantView } | { operation: Operation }> {
    requirePlatformAdmin(caller);
    const tenant = await this.organization.loadTenant(tenantId);
    if (!(await this.instances.tenantHasLiveInstances(tenantId)))
      return { tenant: await this.tenants.deprovision(caller, tenantId, force, correlationId, ifMatch) };
    if (!force)
      throw new BusinessRuleError(
        'TENANT_HAS_RESOURCES',
        'The tenant still has instances; pass ?force=true to deprovision them with the tenant',
      );
    assertTransition(tenant.status, 'DEPROVISIONED', undefined);
    const operation = await this.launcher.launch({
      contract: MESSAGES.TENANT_LIFECYCLE_REQUESTED,
      type: 'TENANT_DEPROVISION',
      tenantId,
      resourceType: 'tenant',
      resourceId: tenantId,
      createdBy: caller.userId,
      correlationId,
      payload: { action: 'DEPROVISION', fromStatus: tenant.status, toStatus: 'DEPROVISIONED' },
    });
    return { operation };
  }

  async request(
    caller: Caller,
    tenantId: string,
    action: TenantStatusAction,
    reason: string | undefined,
    correlationId: string,
  ): Promise<Operation> {
    requirePlatformAdmin(caller);
    const tenant = await this.organization.loadTenant(tenantId);
    const { from, to } = LIFECYCLE_ACTIONS[action];
    if (tenant.status !== from) {
      throw new BusinessRuleError(
        'INVALID_STATUS_TRANSITION',
        `Cannot ${action.toLowerCase()} a tenant that is ${tenant.status}`,
        {
          currentStatus: tenant.status,
          requestedStatus: to,
          allowedTransitions: [...allowedTransitions(tenant.status)],
          allowedActions: lifecycleActionsFrom(tenant.status),
        },
      );
    }
    assertTransition(from, to, reason);
    return this.launcher.launch({
      contract: MESSAGES.TENANT_LIFECYCLE_REQUESTED,
      type: `TENANT_${action}`,
      tenantId,
      resourceType: 'tenant',
      resourceId: tenantId,
      createdBy: caller.userId,
      correlationId,
      payload: { action, fromStatus: from, toStatus: to, ...(reason ? { reason } : {}) },
    });
  }
}
