import { normalizeName } from '@bbws/shared-util';
import type { AuditEvent, Tenant } from './tenant.entity';
import { tenantKeys } from './tenant.keys';

export const TENANT_SCHEMA_VERSION = 1;

/** The index attributes that follow the tenant's name, status and times. */
export function tenantIndexAttributes(tenant: Pick<Tenant, 'tenantId' | 'organizationName' | 'status' | 'createdAt' | 'updatedAt'>) {
  return {
    GSI1PK: tenantKeys.allTenants,
    GSI1SK: tenantKeys.createdSort(tenant.createdAt, tenant.tenantId),
    GSI2PK: tenantKeys.byStatus(tenant.status),
    GSI2SK: tenantKeys.updatedSort(tenant.updatedAt, tenant.tenantId),
    GSI3PK: tenantKeys.byName,
    GSI3SK: normalizeName(tenant.organizationName),
    normalizedName: normalizeName(tenant.organizationName),
  };
}

export function toTenantItem(tenant: Tenant): Record<string, unknown> {
  return {
    ...tenantKeys.tenant(tenant.tenantId),
    ...tenantIndexAttributes(tenant),
    entityType: 'TENANT',
    schemaVersion: TENANT_SCHEMA_VERSION,
    ...tenant,
  };
}

export function fromTenantItem(item: Record<string, unknown>): Tenant {
  return {
    tenantId: item.tenantId as string,
    organizationName: item.organizationName as string,
    contactEmail: item.contactEmail as string,
    tier: item.tier as Tenant['tier'],
    status: item.status as Tenant['status'],
    statusReason: (item.statusReason as string | undefined) ?? null,
    metadata: (item.metadata as Record<string, unknown> | undefined) ?? {},
    adminCount: (item.adminCount as number | undefined) ?? 0,
    createdAt: item.createdAt as string,
    createdBy: item.createdBy as string,
    updatedAt: item.updatedAt as string,
    updatedBy: item.updatedBy as string,
    version: item.version as number,
  };
}

export function toAuditItem(event: AuditEvent, ttl: number): Record<string, unknown> {
  return {
    ...tenantKeys.audit(event.tenantId, event.timestamp, event.eventId),
    entityType: 'AUDIT_EVENT',
    schemaVersion: 1,
    createdAt: event.timestamp,
    updatedAt: event.timestamp,
    ttl,
    ...event,
  };
}

export function fromAuditItem(item: Record<string, unknown>): AuditEvent {
  const { eventId, tenantId, timestamp, actor, action, beforeStatus, afterStatus, reason, details } = item;
  return {
    eventId: eventId as string,
    tenantId: tenantId as string,
    timestamp: timestamp as string,
    actor: actor as string,
    action: action as string,
    ...(beforeStatus ? { beforeStatus: beforeStatus as string } : {}),
    ...(afterStatus ? { afterStatus: afterStatus as string } : {}),
    ...(reason ? { reason: reason as string } : {}),
    ...(details ? { details: details as Record<string, unknown> } : {}),
  };
}
