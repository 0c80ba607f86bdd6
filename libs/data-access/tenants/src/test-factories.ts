import { randomUUID } from 'node:crypto';
import {
  createDocumentClient,
  createDynamoClient,
  defaultTableNames,
  type DynamoContext,
} from '@bbws/data-access-dynamo';
import type { Member } from '@bbws/data-access-memberships';
import { CursorCodec } from '@bbws/shared-hateoas';
import { newId, type Clock } from '@bbws/shared-util';
import type { HierarchyNode, NodePath } from './hierarchy.entity';
import type { Invitation } from './invitation.entity';
import type { AuditEvent, Tenant } from './tenant.entity';

/** Test-only helpers for this lib's int-specs (DynamoDB Local from the engines' global setup). */
export function intSpecContext(clock: Clock): DynamoContext {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (!endpoint)
    throw new Error('DYNAMODB_ENDPOINT is not set: run through Jest with the engines global setup');
  return {
    client: createDocumentClient(
      createDynamoClient({ region: process.env.AWS_REGION ?? 'us-east-1', endpoint }),
    ),
    tables: defaultTableNames(process.env.BBWS_STAGE ?? 'test'),
    cursors: new CursorCodec(process.env.CURSOR_SECRET ?? 'int-spec-cursor-secret-0123456789'),
    clock,
  };
}

export class SettableClock implements Clock {
  constructor(private current = new Date()) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export function buildTenant(overrides: Partial<Tenant> = {}): Tenant {
  const now = new Date().toISOString();
  return {
    tenantId: newId('tenant'),
    organizationName: `Org ${randomUUID()}`,
    contactEmail: 'ops@example.com',
    tier: 'STANDARD',
    status: 'ACTIVE',
    statusReason: null,
    metadata: {},
    adminCount: 0,
    createdAt: now,
    createdBy: 'staff',
    updatedAt: now,
    updatedBy: 'staff',
    version: 1,
    ...overrides,
  };
}

export function buildAudit(tenantId: string, action = 'TEST'): AuditEvent {
  return { eventId: newId('evt'), tenantId, timestamp: new Date().toISOString(), actor: 'tester', action };
}

export function buildNode(
  tenantId: string,
  path: NodePath,
  overrides: Partial<HierarchyNode> = {},
): HierarchyNode {
  const now = new Date().toISOString();
  return {
    tenantId,
    path,
    name: `Node ${randomUUID().slice(0, 8)}`,
    description: null,
    childCount: 0,
    memberCount: 0,
    createdAt: now,
    createdBy: 'tester',
    updatedAt: now,
    updatedBy: 'tester',
    version: 1,
    ...overrides,
  };
}

export function buildMember(tenantId: string, overrides: Partial<Member> = {}): Member {
  const now = new Date().toISOString();
  const userId = randomUUID();
  return {
    tenantId,
    userId,
    email: `user-${userId.slice(0, 8)}@example.com`,
    name: 'Test User',
    role: 'VIEWER',
    teamIds: [],
    joinedAt: now,
    addedBy: 'tester',
    updatedAt: now,
    version: 1,
    ...overrides,
  };
}

export function buildInvitation(tenantId: string, overrides: Partial<Invitation> = {}): Invitation {
  const now = new Date();
  return {
    invitationId: newId('inv'),
    tenantId,
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
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    respondedAt: null,
    respondedBy: null,
    version: 1,
    ...overrides,
  };
}
