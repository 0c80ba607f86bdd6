import { ConflictError } from '@bbws/shared-errors';

/**
 * The operations store found the resource locked by another operation. The store names that operation;
 * the launcher adds the link to it (API.md's 409 OPERATION_IN_PROGRESS).
 */
export class ResourceLockedError extends ConflictError {
  constructor(
    readonly resourceId: string,
    /** Absent when the lock item could not be read back. */
    readonly operationId?: string,
    readonly operationType?: string,
  ) {
    super('OPERATION_IN_PROGRESS', `Another operation is in progress on ${resourceId}`, {
      resourceId,
      ...(operationId ? { operationId, operationType } : {}),
    });
  }
}
