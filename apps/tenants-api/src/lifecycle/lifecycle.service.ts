import { requirePlatformAdmin, type Caller } from '@bbws/platform-auth';
import type { OperationLauncher } from '@bbws/platform-operations';
import { MESSAGES, type Operation, type TenantLifecycleAction } from '@bbws/shared-contracts';
import { BusinessRuleError } from '@bbws/shared-errors';
import type { OrganizationService } from '../organization/organization.service';
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
  ) {}

  async request(
    caller: Caller,
    tenantId: string,
    action: TenantLifecycleAction,
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
