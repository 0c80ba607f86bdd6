import type { DynamoContext } from '@bbws/data-access-dynamo';
import { toMemberItem, type Member } from '@bbws/data-access-memberships';
import { HierarchyDao, InvitationDao, MemberDao, TenantDao, type Tenant } from '@bbws/data-access-tenants';
import { TableProbe } from './table-probe';
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

/** Stores memberships as bare items (no tenant, counters or audit), for tests that only need who is a member. */
export async function seedMemberships(db: DynamoContext, members: readonly Member[]): Promise<void> {
  await new TableProbe(db).putAll('tenants', members.map(toMemberItem));
}
