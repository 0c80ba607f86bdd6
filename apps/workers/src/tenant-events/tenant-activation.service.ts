import type { AuditEvent, TenantDao } from '@bbws/data-access-tenants';
import type { EventPublisher } from '@bbws/platform-sqs';
import { NotFoundError, VersionConflictError } from '@bbws/shared-errors';
import { newId, type Clock } from '@bbws/shared-util';
import type { TenantActivation } from './tenant-activation.port';

const WRITE_ATTEMPTS = 3;

/**
 * A tenant is PENDING until its first instance runs (API.md § Tenants); the provisioning worker calls
 * this once an instance is ACTIVE. Only PENDING → ACTIVE: a tenant in any other status is left alone,
 * so calling it again (a resumed worker, a second instance) changes nothing.
 */
export class TenantActivationService implements TenantActivation {
  constructor(
    private readonly tenants: TenantDao,
    private readonly events: EventPublisher,
    private readonly clock: Clock,
  ) {}

  async instanceActive(
    tenantId: string,
    instanceId: string,
    context: { operationId?: string; actor?: string } = {},
  ): Promise<void> {
    const actor = context.actor ?? 'system';
    for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt += 1) {
      const tenant = await this.tenants.get(tenantId);
      if (!tenant) throw new NotFoundError('TENANT', tenantId);
      if (tenant.status !== 'PENDING') return;
      try {
        await this.tenants.changeStatus(tenant, tenant.version, 'ACTIVE', null, actor, {
          eventId: newId('evt'),
          tenantId,
          timestamp: this.clock.now().toISOString(),
          actor,
          action: 'TENANT_ACTIVATED',
          beforeStatus: 'PENDING',
          afterStatus: 'ACTIVE',
          details: { instanceId, ...(context.operationId ? { operationId: context.operationId } : {}) },
        } satisfies AuditEvent);
        await this.events.publish({
          tenantId,
          type: 'tenant.status_changed',
          correlationId: context.operationId ?? instanceId,
          data: {
            tenantId,
            previousStatus: 'PENDING',
            status: 'ACTIVE',
            reason: null,
            operationId: context.operationId,
          },
        });
        return;
      } catch (error) {
        if (!(error instanceof VersionConflictError)) throw error;
      }
    }
  }
}
