import type { TenantsSchemas } from '@bbws/sdk';
import type { Column } from '../output/output';

export type Tenant = TenantsSchemas['schemas']['TenantResponseDto'];
export type TenantStatus = Tenant['status'];
export type TenantTier = Tenant['tier'];

/** An audit event of a tenant (GET /tenants/{t}/audit items). */
export interface AuditEvent {
  eventId: string;
  timestamp: string;
  actor: string;
  action: string;
  beforeStatus?: string;
  afterStatus?: string;
  reason?: string;
}

export interface HierarchyTeam {
  teamId: string;
  name: string;
  memberCount?: number;
}
export interface HierarchyGroup {
  groupId: string;
  name: string;
  teams?: HierarchyTeam[];
}
export interface HierarchyDivision {
  divisionId: string;
  name: string;
  groups?: HierarchyGroup[];
}

export const TENANT_COLUMNS: Column<Tenant>[] = [
  { header: 'tenantId', value: (tenant) => tenant.tenantId },
  { header: 'organizationName', value: (tenant) => tenant.organizationName },
  { header: 'status', value: (tenant) => tenant.status },
  { header: 'tier', value: (tenant) => tenant.tier },
  { header: 'contactEmail', value: (tenant) => tenant.contactEmail },
];

export const TENANT_FIELDS: Column<Tenant>[] = [
  ...TENANT_COLUMNS,
  { header: 'statusReason', value: (tenant) => tenant.statusReason },
  { header: 'metadata', value: (tenant) => tenant.metadata },
  { header: 'createdAt', value: (tenant) => tenant.createdAt },
  { header: 'updatedAt', value: (tenant) => tenant.updatedAt },
  { header: 'version', value: (tenant) => tenant.version },
];

export const AUDIT_COLUMNS: Column<AuditEvent>[] = [
  { header: 'eventId', value: (event) => event.eventId },
  { header: 'timestamp', value: (event) => event.timestamp },
  { header: 'action', value: (event) => event.action },
  { header: 'actor', value: (event) => event.actor },
  {
    header: 'status',
    value: (event) =>
      event.beforeStatus || event.afterStatus
        ? `${event.beforeStatus ?? ''} → ${event.afterStatus ?? ''}`
        : '',
  },
  { header: 'reason', value: (event) => event.reason },
];

/** The hierarchy as an indented tree for people: divisions, their groups, their teams. */
export function hierarchyLines(divisions: HierarchyDivision[]): string[] {
  const lines: string[] = [];
  for (const division of divisions) {
    lines.push(`${division.name}  (${division.divisionId})`);
    for (const group of division.groups ?? []) {
      lines.push(`  ${group.name}  (${group.groupId})`);
      for (const team of group.teams ?? []) {
        const members = team.memberCount === undefined ? '' : `, ${team.memberCount} members`;
        lines.push(`    ${team.name}  (${team.teamId}${members})`);
      }
    }
  }
  return lines;
}
