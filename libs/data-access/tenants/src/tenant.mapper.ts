import { readItem, type ItemBase, type StoredItem, type VersionedItemBase } from '@bbws/data-access-dynamo';
import { normalizeName } from '@bbws/shared-util';
import type { AuditEvent, Tenant } from './tenant.entity';
import { tenantKeys } from './tenant.keys';

export const TENANT_SCHEMA_VERSION = 1;

/** A tenant as stored: the entity plus keys and index attributes (counters and optional fields may be missing). */
export interface TenantItem
  extends
    VersionedItemBase,
    Omit<Tenant, 'statusReason' | 'metadata' | 'adminCount'>,
    Partial<Pick<Tenant, 'metadata' | 'adminCount'>> {
  entityType: 'TENANT';
  statusReason?: string | null;
  normalizedName: string;
}

/** An audit event as stored, expiring after the retention period. */
export interface AuditItem extends ItemBase, AuditEvent {
  entityType: 'AUDIT_EVENT';
  ttl: number;
}

/** The index attributes that follow the tenant's name, status and times. */
export function tenantIndexAttributes(
  tenant: Pick<Tenant, 'tenantId' | 'organizationName' | 'status' | 'createdAt' | 'updatedAt'>,
) {
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

export function toTenantItem(tenant: Tenant): TenantItem {
  return {
    ...tenantKeys.tenant(tenant.tenantId),
    ...tenantIndexAttributes(tenant),
    entityType: 'TENANT',
    schemaVersion: TENANT_SCHEMA_VERSION,
    ...tenant,
  };
}

export function fromTenantItem(stored: StoredItem): Tenant {
  const item = readItem<TenantItem>(stored);
  return {
    tenantId: item.tenantId,
    organizationName: item.organizationName,
    contactEmail: item.contactEmail,
    tier: item.tier,
    status: item.status,
    statusReason: item.statusReason ?? null,
    metadata: item.metadata ?? {},
    adminCount: item.adminCount ?? 0,
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
    version: item.version,
  };
}

export function toAuditItem(event: AuditEvent, ttl: number): AuditItem {
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

export function fromAuditItem(stored: StoredItem): AuditEvent {
  const { eventId, tenantId, timestamp, actor, action, beforeStatus, afterStatus, reason, details } =
    readItem<AuditItem>(stored);
  return {
    eventId,
    tenantId,
    timestamp,
    actor,
    action,
    ...(beforeStatus ? { beforeStatus } : {}),
    ...(afterStatus ? { afterStatus } : {}),
    ...(reason ? { reason } : {}),
    ...(details ? { details } : {}),
  };
}
