import type { DynamoContext } from '@bbws/data-access-dynamo';
import { HierarchyDao, InvitationDao, MemberDao, TenantDao, type Tenant } from '@bbws/data-access-tenants';
import { buildAuditEvent, buildTenant } from './tenant.factories';

/** The tenants table's DAOs on one test context, wired to each other as the tenants API wires them. */
export function tenantTableDaos(db: DynamoContext, options: { auditRetentionDays?: number } = {}) {
  const tenants = new TenantDao(db, { auditRetentionDays: options.auditRetentionDays ?? 30 });
  const members = new MemberDao(db, tenants);
  return {
    tenants,
    members,
    hierarchy: new HierarchyDao(db, tenants),
    invitations: new InvitationDao(db, tenants, members),
  };
}

/** Stores a fresh tenant (with an audit event) for a test to work in. */
export async function seedTenant(tenants: TenantDao, overrides: Partial<Tenant> = {}): Promise<Tenant> {
  const tenant = buildTenant(overrides);
  await tenants.create(tenant, buildAuditEvent({ tenantId: tenant.tenantId }));
  return tenant;
}
