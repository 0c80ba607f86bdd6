import type { Operation } from './operation.contract';
import { TENANT_LIFECYCLE_ACTIONS } from './tenant-events.message';

/**
 * Who may cancel a PENDING operation: `PLATFORM_ADMINS` only, or `CREATOR_AND_TENANT_ADMINS` (the
 * member who started it, the tenant's ADMINs, and platform admins).
 */
export const OPERATION_CANCELLERS = ['PLATFORM_ADMINS', 'CREATOR_AND_TENANT_ADMINS'] as const;
export type OperationCancellers = (typeof OPERATION_CANCELLERS)[number];

/**
 * Operation types only platform admins can start (API.md: tenant lifecycle, every instance action),
 * so a tenant member must not be able to undo them by cancelling them while PENDING.
 */
const PLATFORM_ADMIN_OPERATION_TYPES: ReadonlySet<string> = new Set([
  ...TENANT_LIFECYCLE_ACTIONS.map((action) => `TENANT_${action}`),
  'INSTANCE_PROVISION',
  'INSTANCE_UPDATE',
  'INSTANCE_SCALE',
  'INSTANCE_SUSPEND',
  'INSTANCE_RESUME',
  'INSTANCE_PARK',
  'INSTANCE_UNPARK',
  'INSTANCE_DEPROVISION',
]);

/** The cancellers an operation of `type` gets when it is launched. */
export function cancellersForType(type: string): OperationCancellers {
  return PLATFORM_ADMIN_OPERATION_TYPES.has(type) ? 'PLATFORM_ADMINS' : 'CREATOR_AND_TENANT_ADMINS';
}

/** The operation's stored cancellers; operations stored before they were recorded fall back to their type. */
export function cancellersOf(operation: Pick<Operation, 'type' | 'cancellableBy'>): OperationCancellers {
  return operation.cancellableBy ?? cancellersForType(operation.type);
}
