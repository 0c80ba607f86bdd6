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
export { MemberDao, type MemberChanges, type MemberFilter, type TeamMoves } from './member.dao';
export {
  HIERARCHY_LEVELS,
  MAX_CHILDREN,
  nodeId,
  type DivisionPath,
  type GroupPath,
  type HierarchyLevel,
  type HierarchyNode,
  type HierarchyNodeChanges,
  type HierarchyTree,
  type NodePath,
  type SubtreeDeletion,
  type TeamPath,
} from './hierarchy.entity';
export { hierarchyKeys } from './hierarchy.keys';
export { HierarchyDao } from './hierarchy.dao';
export {
  INVITATION_STATUSES,
  MAX_RESENDS,
  invitationStatusAt,
  type Invitation,
  type InvitationStatus,
  type StoredInvitationStatus,
} from './invitation.entity';
export { invitationKeys } from './invitation.keys';
export { InvitationDao, type InvitationTokenRecord } from './invitation.dao';
