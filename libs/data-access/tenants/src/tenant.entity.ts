export const TENANT_STATUSES = [
  'PENDING',
  'ACTIVE',
  'SUSPENDED',
  'PARKED',
  'FAILED',
  'DEPROVISIONED',
] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

export const TENANT_TIERS = ['STANDARD', 'PROFESSIONAL', 'ENTERPRISE'] as const;
export type TenantTier = (typeof TENANT_TIERS)[number];

export interface Tenant {
  tenantId: string;
  organizationName: string;
  contactEmail: string;
  tier: TenantTier;
  status: TenantStatus;
  statusReason: string | null;
  metadata: Record<string, unknown>;
  /** Count of ADMIN members, kept in step with membership writes (last-admin rule). */
  adminCount: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export interface AuditEvent {
  eventId: string;
  tenantId: string;
  timestamp: string;
  actor: string;
  action: string;
  beforeStatus?: string;
  afterStatus?: string;
  reason?: string;
  details?: Record<string, unknown>;
}
