import {
  InstanceExistsError,
  InstanceGuardTakenError,
  InstanceStatusChangedError,
  type InstanceStatus,
} from '@bbws/data-access-instances';
import { operationRoutes } from '@bbws/platform-operations';
import {
  ConcurrentChangeError,
  ConflictError,
  DomainError,
  InvalidStatusTransitionError,
  ItemMissingError,
  NotFoundError,
  PreconditionFailedError,
  VersionConflictError,
} from '@bbws/shared-errors';
import { allowedTransitions } from './instance-status.rules';

export function instanceNotFound(instanceId: string): NotFoundError {
  return new NotFoundError('INSTANCE', instanceId);
}

export function instanceExists(environment: string, instanceId?: string): ConflictError {
  return new ConflictError('INSTANCE_EXISTS', `The tenant already has an instance in ${environment}`, {
    environment,
    ...(instanceId ? { instanceId } : {}),
  });
}

/** API.md's 409 for an instance another operation holds, naming and linking that operation. */
export function operationInProgress(
  instanceId: string,
  lock: { operationId: string; operationType: string | null },
): ConflictError {
  return new ConflictError('OPERATION_IN_PROGRESS', `Another operation is in progress on ${instanceId}`, {
    resourceId: instanceId,
    operationId: lock.operationId,
    operationType: lock.operationType,
    href: operationRoutes.operation(lock.operationId),
  });
}

/**
 * What the store's findings mean on this API when an operation on an existing instance could not start:
 * a stale version is a 412 when the caller sent If-Match (else a 409 to read again), a status that moved
 * on is the 422 of the state machine.
 */
export function toInstanceAppError(
  error: unknown,
  context: { instanceId: string; requestedStatus: InstanceStatus; ifMatch?: number },
): unknown {
  if (!(error instanceof DomainError)) return error;
  if (error instanceof VersionConflictError) {
    return context.ifMatch !== undefined
      ? new PreconditionFailedError(error.expected, error.current)
      : new ConflictError('CONFLICT', 'The instance changed meanwhile; read it again and retry', {
          currentVersion: error.current,
        });
  }
  if (error instanceof InstanceStatusChangedError) {
    const current = error.currentStatus as InstanceStatus;
    return new InvalidStatusTransitionError(current, context.requestedStatus, allowedTransitions(current));
  }
  if (error instanceof ItemMissingError) return instanceNotFound(context.instanceId);
  if (error instanceof InstanceExistsError)
    return instanceExists(error.environment, error.existingInstanceId);
  if (error instanceof InstanceGuardTakenError || error instanceof ConcurrentChangeError)
    return new ConflictError('CONFLICT', 'A concurrent change got in the way; retry');
  return error;
}
