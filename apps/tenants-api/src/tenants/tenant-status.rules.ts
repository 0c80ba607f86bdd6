import type { TenantStatus } from '@bbws/data-access-tenants';
import { InvalidStatusTransitionError, ValidationError } from '@bbws/shared-errors';

/** API.md § Tenant status transitions; anything else is INVALID_STATUS_TRANSITION. */
export const TENANT_TRANSITIONS: Record<TenantStatus, readonly TenantStatus[]> = {
  PENDING: ['ACTIVE', 'FAILED', 'DEPROVISIONED'],
  FAILED: ['PENDING', 'DEPROVISIONED'],
  ACTIVE: ['SUSPENDED', 'PARKED', 'DEPROVISIONED'],
  SUSPENDED: ['ACTIVE', 'DEPROVISIONED'],
  PARKED: ['ACTIVE', 'DEPROVISIONED'],
  DEPROVISIONED: [],
};

const REASON_REQUIRED: readonly TenantStatus[] = ['SUSPENDED', 'PARKED'];
export const REASON_MIN = 10;
export const REASON_MAX = 500;

export function assertTransition(from: TenantStatus, to: TenantStatus, reason: string | undefined): void {
  const allowed = TENANT_TRANSITIONS[from];
  if (!allowed.includes(to)) throw new InvalidStatusTransitionError(from, to, allowed);
  if (REASON_REQUIRED.includes(to) && (!reason || reason.trim().length < REASON_MIN)) {
    throw ValidationError.field(
      'reason',
      `is required (${REASON_MIN}-${REASON_MAX} characters) to set ${to}`,
    );
  }
}

export function allowedTransitions(from: TenantStatus): readonly TenantStatus[] {
  return TENANT_TRANSITIONS[from];
}
