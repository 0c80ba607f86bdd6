import { randomUUID } from 'node:crypto';
import type { Member } from '@bbws/data-access-memberships';
import type { AuditEvent, HierarchyNode, Invitation, Tenant } from '@bbws/data-access-tenants';
import { newId } from '@bbws/shared-util';

/** Entities of the tenants table with fresh ids; timestamps are `now` unless overridden. */
export function buildTenant(overrides: Partial<Tenant> = {}, now = new Date()): Tenant {
  const at = now.toISOString();
  return {
    tenantId: newId('tenant'),
    organizationName: `Org ${randomUUID()}`,
    contactEmail: 'ops@example.com',
    tier: 'STANDARD',
    status: 'ACTIVE',
    statusReason: null,
    metadata: {},
    adminCount: 0,
    createdAt: at,
    createdBy: 'staff',
    updatedAt: at,
    updatedBy: 'staff',
    version: 1,
    ...overrides,
  };
}

export function buildAuditEvent(overrides: Partial<AuditEvent> = {}, now = new Date()): AuditEvent {
  return {
    eventId: newId('evt'),
    tenantId: newId('tenant'),
    timestamp: now.toISOString(),
    actor: 'tester',
    action: 'TEST',
    ...overrides,
  };
}

/** A division unless `path` says otherwise. */
export function buildHierarchyNode(overrides: Partial<HierarchyNode> = {}, now = new Date()): HierarchyNode {
  const at = now.toISOString();
  return {
    tenantId: newId('tenant'),
    path: { level: 'DIVISION', divisionId: newId('div') },
    name: `Node ${randomUUID().slice(0, 8)}`,
    description: null,
    childCount: 0,
    memberCount: 0,
    createdAt: at,
    createdBy: 'tester',
    updatedAt: at,
    updatedBy: 'tester',
    version: 1,
    ...overrides,
  };
}

export function buildMember(overrides: Partial<Member> = {}, now = new Date()): Member {
  const at = now.toISOString();
  const userId = overrides.userId ?? randomUUID();
  return {
    tenantId: newId('tenant'),
    userId,
    email: `user-${userId.slice(0, 8)}@example.com`,
    name: 'Test User',
    role: 'VIEWER',
    teamIds: [],
    joinedAt: at,
    addedBy: 'tester',
    updatedAt: at,
    version: 1,
    ...overrides,
  };
}

/** A pending invitation valid for 7 days from `now`. */
export function buildInvitation(overrides: Partial<Invitation> = {}, now = new Date()): Invitation {
  const at = now.toISOString();
  return {
    invitationId: newId('inv'),
    tenantId: newId('tenant'),
    email: `invitee-${randomUUID().slice(0, 8)}@example.com`,
    role: 'OPERATOR',
    teamIds: [],
    status: 'PENDING',
    expiresAt: new Date(now.getTime() + 7 * 86_400_000).toISOString(),
    validityDays: 7,
    invitedBy: 'admin-user',
    invitedByName: 'Admin',
    invitedByEmail: 'admin@example.com',
    message: null,
    resendCount: 0,
    tokenHash: randomUUID().replace(/-/g, '') + randomUUID().replace(/-/g, ''),
    createdAt: at,
    updatedAt: at,
    respondedAt: null,
    respondedBy: null,
    version: 1,
    ...overrides,
  };
}
