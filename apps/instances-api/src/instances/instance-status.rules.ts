import type { InstanceStatus } from '@bbws/data-access-instances';
import { BusinessRuleError, InvalidStatusTransitionError } from '@bbws/shared-errors';

/** What a platform admin can ask of an existing instance (each one operation). */
export type InstanceAction = 'UPDATE' | 'SCALE' | 'SUSPEND' | 'RESUME' | 'PARK' | 'UNPARK' | 'DEPROVISION';

export const INSTANCE_ACTION_NAMES: readonly InstanceAction[] = [
  'UPDATE',
  'SCALE',
  'SUSPEND',
  'RESUME',
  'PARK',
  'UNPARK',
  'DEPROVISION',
];

/**
 * API.md § Instances: each action starts from some statuses and puts the instance in a transitional one
 * the workers finish (SCALING → ACTIVE, SUSPENDING → SUSPENDED...). Suspended and parked are distinct:
 * resume does not undo a park, unpark does not undo a suspension.
 */
export const INSTANCE_ACTIONS: Record<
  InstanceAction,
  { from: readonly InstanceStatus[]; to: InstanceStatus }
> = {
  UPDATE: { from: ['ACTIVE'], to: 'UPDATING' },
  SCALE: { from: ['ACTIVE'], to: 'SCALING' },
  SUSPEND: { from: ['ACTIVE'], to: 'SUSPENDING' },
  RESUME: { from: ['SUSPENDED'], to: 'RESUMING' },
  PARK: { from: ['ACTIVE'], to: 'PARKING' },
  UNPARK: { from: ['PARKED'], to: 'UNPARKING' },
  DEPROVISION: {
    from: ['ACTIVE', 'SUSPENDED', 'PARKED', 'FAILED', 'WORKFLOW_FAILED'],
    to: 'PENDING_DEPROVISIONING',
  },
};

/** Statuses `/retry` starts from: it re-runs the operation that failed there. */
export const RETRYABLE_STATUSES: readonly InstanceStatus[] = ['FAILED', 'WORKFLOW_FAILED'];

/** The status a re-run operation of each type puts the instance in (the one its first run did). */
export const RETRY_STATUS_BY_OPERATION: Readonly<Record<string, InstanceStatus>> = {
  INSTANCE_PROVISION: 'PENDING_PROVISIONING',
  INSTANCE_UPDATE: INSTANCE_ACTIONS.UPDATE.to,
  INSTANCE_SCALE: INSTANCE_ACTIONS.SCALE.to,
  INSTANCE_SUSPEND: INSTANCE_ACTIONS.SUSPEND.to,
  INSTANCE_RESUME: INSTANCE_ACTIONS.RESUME.to,
  INSTANCE_PARK: INSTANCE_ACTIONS.PARK.to,
  INSTANCE_UNPARK: INSTANCE_ACTIONS.UNPARK.to,
  INSTANCE_DEPROVISION: INSTANCE_ACTIONS.DEPROVISION.to,
};

/** The actions an instance in `status` accepts. */
export function actionsFrom(status: InstanceStatus): InstanceAction[] {
  return INSTANCE_ACTION_NAMES.filter((action) => INSTANCE_ACTIONS[action].from.includes(status));
}

export function canRetry(status: InstanceStatus): boolean {
  return RETRYABLE_STATUSES.includes(status);
}

/** The statuses a request can move an instance in `status` to (the 422's `allowedTransitions`). */
export function allowedTransitions(status: InstanceStatus): InstanceStatus[] {
  const targets = actionsFrom(status).map((action) => INSTANCE_ACTIONS[action].to);
  if (canRetry(status)) targets.push(...Object.values(RETRY_STATUS_BY_OPERATION));
  return [...new Set(targets)];
}

/** Throws the 422 INVALID_STATUS_TRANSITION (with the allowed transitions) when `action` cannot start from `status`. */
export function assertAction(status: InstanceStatus, action: InstanceAction): void {
  if (!INSTANCE_ACTIONS[action].from.includes(status)) refuseAction(status, action);
}

/** The 422 INVALID_STATUS_TRANSITION for `action` from `status`. */
export function refuseAction(status: InstanceStatus, action: InstanceAction): never {
  const { to } = INSTANCE_ACTIONS[action];
  const error = new InvalidStatusTransitionError(status, to, allowedTransitions(status));
  if (action === 'RESUME' && status === 'PARKED') {
    throw new BusinessRuleError(
      error.code,
      'A parked instance is not resumed but unparked (POST .../unpark)',
      error.details,
    );
  }
  throw error;
}

/** Throws the 422 when the instance is not in a status `/retry` starts from. */
export function assertRetryable(status: InstanceStatus): void {
  if (!canRetry(status)) refuseRetry(status);
}

export function refuseRetry(status: InstanceStatus): never {
  throw new InvalidStatusTransitionError(status, 'RETRY', allowedTransitions(status));
}
