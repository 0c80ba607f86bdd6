export {
  TENANT_STATUSES,
  TENANT_TIERS,
  type AuditEvent,
  type Tenant,
  type TenantStatus,
  type TenantTier,
} from './tenant.entity';
export { tenantKeys } from './tenant.keys';
export { TenantDao, type TenantChanges, type TenantDaoOptions } from './tenant.dao';
export { MemberDao } from './member.dao';
