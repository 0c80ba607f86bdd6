import type { AuditEvent } from '@bbws/data-access-tenants';
import { operationRoutes } from '@bbws/platform-operations';
import { link, links, type Link } from '@bbws/shared-hateoas';
import type { AuditEventResponseDto, TenantResponseDto } from './dto/tenant.response.dto';
import { lifecycleActionsFrom } from '../lifecycle/lifecycle.rules';
import { lifecycleRoutes } from '../lifecycle/lifecycle.routes';
import { allowedTransitions } from './tenant-status.rules';
import { tenantRoutes } from './tenants.routes';
import type { TenantView } from './tenants.service';

/** The tenant resource with the links the caller may follow in the tenant's current state. */
export function presentTenant({ tenant, access, activeOperationId }: TenantView): TenantResponseDto {
  const admin = access.isPlatformAdmin;
  const tenantAdmin = admin || access.role === 'ADMIN';
  const manager = tenantAdmin || access.role === 'OPERATOR';
  const live = tenant.status !== 'DEPROVISIONED';
  const id = tenant.tenantId;
  return {
    tenantId: id,
    organizationName: tenant.organizationName,
    contactEmail: tenant.contactEmail,
    tier: tenant.tier,
    status: tenant.status,
    statusReason: tenant.statusReason,
    metadata: tenant.metadata,
    createdAt: tenant.createdAt,
    createdBy: tenant.createdBy,
    updatedAt: tenant.updatedAt,
    updatedBy: tenant.updatedBy,
    version: tenant.version,
    _links: links([
      ['self', link(tenantRoutes.tenant(id))],
      ['update', link(tenantRoutes.tenant(id), 'PATCH'), tenantAdmin && live],
      [
        'changeStatus',
        link(tenantRoutes.status(id), 'PATCH'),
        admin && allowedTransitions(tenant.status).length > 0,
      ],
      ['delete', link(tenantRoutes.tenant(id), 'DELETE'), admin && live],
      ['audit', link(tenantRoutes.audit(id)), tenantAdmin],
      ['members', link(tenantRoutes.members(id)), manager],
      ['divisions', link(tenantRoutes.divisions(id))],
      ['hierarchy', link(tenantRoutes.hierarchy(id))],
      ['invitations', link(tenantRoutes.invitations(id)), tenantAdmin],
      ['collection', link(tenantRoutes.collection())],
      ['operation', link(operationRoutes.operation(activeOperationId ?? '')), Boolean(activeOperationId)],
      ...lifecycleActionsFrom(tenant.status).map((action): [string, Link, boolean] => [
        action.toLowerCase(),
        link(lifecycleRoutes.action(id, action), 'POST'),
        admin,
      ]),
    ]),
  };
}

export function presentAuditEvent(event: AuditEvent): AuditEventResponseDto {
  const { tenantId: _tenantId, ...rest } = event;
  return rest;
}
