import type { TenantDao } from '@bbws/data-access-tenants';
import { requirePlatformAdmin, type Caller } from '@bbws/platform-auth';
import type { OperationLauncher } from '@bbws/platform-operations';
import { MESSAGES, type Operation, type TenantLifecycleAction } from '@bbws/shared-contracts';
import { BusinessRuleError, NotFoundError } from '@bbws/shared-errors';
import { assertTransition, allowedTransitions } from '../tenants/tenant-status.rules';
import { LIFECYCLE_ACTIONS, lifecycleActionsFrom } from './lifecycle.rules';

/**
 * Accepts tenant lifecycle requests as operations: the transition is checked now (a 422 instead of
 * a failed operation later), then the operation, its lock on the tenant and its message are stored
 * and sent by the launcher; the tenant-events worker applies the change.
 */
export class LifecycleService {
  constructor(
    private readonly tenants: TenantDao,
    private readonly launcher: OperationLauncher,
  ) {}

  async request(
    caller: Caller,
    tenantId: string,
    action: TenantLifecycleAction,
    reason: string | undefined,
    correlationId: string,
  ): Promise<Operation> {
    requirePlatformAdmin(caller);
    const tenant = await this.tenants.get(tenantId);
    if (!tenant) throw new NotFoundError('TENANT', tenantId);
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
