import type { AuditEvent, Tenant, TenantDao, TenantStatus } from '@bbws/data-access-tenants';
import type { OperationContext, OperationOutcome } from '@bbws/platform-operations';
import type { EventPublisher } from '@bbws/platform-sqs';
import type { TenantLifecycleAction, TenantLifecycleRequestedPayload } from '@bbws/shared-contracts';
import {
  ConflictError,
  InvalidStatusTransitionError,
  NotFoundError,
  VersionConflictError,
} from '@bbws/shared-errors';
import { newId, type Clock } from '@bbws/shared-util';
import type { TenantInstancesLifecycle } from './tenant-instances.port';

const AUDIT_ACTIONS: Record<TenantLifecycleAction, string> = {
  SUSPEND: 'TENANT_SUSPENDED',
  RESUME: 'TENANT_RESUMED',
  PARK: 'TENANT_PARKED',
  UNPARK: 'TENANT_UNPARKED',
  DEPROVISION: 'TENANT_DEPROVISIONED',
};

const STATUS_WRITE_ATTEMPTS = 3;

/** A concurrent edit of the tenant kept moving its version: worth another attempt of the operation. */
class TenantBusyError extends ConflictError {
  override readonly retryable = true;
  constructor(tenantId: string) {
    super('TENANT_BUSY', `Tenant ${tenantId} kept changing while its status was being written`);
  }
}

/**
 * Applies a tenant lifecycle operation in steps: check the tenant is still where the request found
 * it, fan out to its instances (when that feature registers itself), change the status with its
 * audit event, and announce `tenant.status_changed`. Each step is safe to run again after a crash.
 */
export class TenantLifecycleService {
  constructor(
    private readonly tenants: TenantDao,
    private readonly events: EventPublisher,
    private readonly instances: TenantInstancesLifecycle | null,
    private readonly clock: Clock,
  ) {}

  async apply(context: OperationContext<TenantLifecycleRequestedPayload>): Promise<OperationOutcome> {
    const { action, fromStatus, toStatus, reason } = context.payload;
    const tenantId = context.operation.resourceId;
    const fanOut = this.instances;
    await context.plan([
      'check-tenant',
      ...(fanOut ? [fanOut.stepName(action)] : []),
      'change-tenant-status',
      'notify',
    ]);

    await context.step('check-tenant', async () => {
      const tenant = await this.load(tenantId);
      if (tenant.status !== fromStatus && tenant.status !== toStatus) {
        throw new InvalidStatusTransitionError(tenant.status, toStatus, []);
      }
    });
    const fannedOut = fanOut
      ? await context.step(fanOut.stepName(action), async (signal) => {
          const outcome = await fanOut.apply(tenantId, action, {
            operationId: context.operation.operationId,
            createdBy: context.operation.createdBy,
            correlationId: context.envelope.correlationId,
            ...(reason ? { reason } : {}),
            signal,
          });
          return outcome ? { instanceOperations: outcome.operations } : undefined;
        })
      : undefined;
    await context.step('change-tenant-status', () =>
      this.changeStatus(context, tenantId, fromStatus, toStatus, reason ?? null),
    );
    await context.step('notify', async () => {
      await this.events.publish({
        tenantId,
        type: 'tenant.status_changed',
        correlationId: context.envelope.correlationId,
        data: {
          tenantId,
          previousStatus: fromStatus,
          status: toStatus,
          reason: reason ?? null,
          operationId: context.operation.operationId,
        },
      });
    });
    return {
      result: {
        tenantId,
        status: toStatus,
        ...(fannedOut ? { instanceOperations: fannedOut.instanceOperations } : {}),
      },
      message: `Tenant is ${toStatus}`,
    };
  }

  /** Idempotent: a tenant already in the target status (an earlier attempt wrote it) is left alone. */
  private async changeStatus(
    context: OperationContext<TenantLifecycleRequestedPayload>,
    tenantId: string,
    fromStatus: TenantStatus,
    toStatus: TenantStatus,
    reason: string | null,
  ): Promise<void> {
    for (let attempt = 1; attempt <= STATUS_WRITE_ATTEMPTS; attempt += 1) {
      const tenant = await this.load(tenantId);
      if (tenant.status === toStatus) return;
      if (tenant.status !== fromStatus) throw new InvalidStatusTransitionError(tenant.status, toStatus, []);
      const keepReason = toStatus === 'SUSPENDED' || toStatus === 'PARKED';
      try {
        await this.tenants.changeStatus(
          tenant,
          tenant.version,
          toStatus,
          keepReason ? reason : null,
          context.operation.createdBy,
          {
            eventId: newId('evt'),
            tenantId,
            timestamp: this.clock.now().toISOString(),
            actor: context.operation.createdBy,
            action: AUDIT_ACTIONS[context.payload.action],
            beforeStatus: fromStatus,
            afterStatus: toStatus,
            ...(reason ? { reason } : {}),
            details: { operationId: context.operation.operationId },
          } satisfies AuditEvent,
        );
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
    throw new TenantBusyError(tenantId);
  }

  private async load(tenantId: string): Promise<Tenant> {
    const tenant = await this.tenants.get(tenantId);
    if (!tenant) throw new NotFoundError('TENANT', tenantId);
    return tenant;
  }
}
