import {
  OPERATION_CANCELLERS,
  isTerminalStatus,
  type Operation,
  type OperationCancellers,
} from '@bbws/shared-contracts';
import type { OperationItem } from './operation.item';
import { operationKeys } from './operation.keys';

export const OPERATION_SCHEMA_VERSION = 1;

/** GSI3 (the sweeper's index) holds non-terminal operations only. */
export function statusIndexAttributes(operation: Pick<Operation, 'operationId' | 'status' | 'updatedAt'>) {
  return isTerminalStatus(operation.status)
    ? {}
    : {
        GSI3PK: operationKeys.byStatus(operation.status),
        GSI3SK: operationKeys.updatedSort(operation.updatedAt, operation.operationId),
      };
}

/** Null attributes are left out of the item (so `if_not_exists` works on them); the mapper reads them back as null. */
export function toOperationItem(operation: Operation): OperationItem {
  const { lease, currentStep, message, error, result, startedAt, completedAt, dispatch, sentAt, ...fields } =
    operation;
  return {
    ...operationKeys.operation(operation.operationId),
    GSI1PK: operationKeys.byTenant(operation.tenantId),
    GSI1SK: operationKeys.createdSort(operation.createdAt, operation.operationId),
    GSI2PK: operationKeys.byResource(operation.resourceId),
    GSI2SK: operationKeys.createdSort(operation.createdAt, operation.operationId),
    ...statusIndexAttributes(operation),
    entityType: 'OPERATION',
    schemaVersion: OPERATION_SCHEMA_VERSION,
    ...fields,
    ...(currentStep !== null ? { currentStep } : {}),
    ...(message !== null ? { message } : {}),
    ...(error !== null ? { error } : {}),
    ...(result !== null ? { result } : {}),
    ...(startedAt !== null ? { startedAt } : {}),
    ...(completedAt !== null ? { completedAt } : {}),
    ...(dispatch !== null ? { dispatch } : {}),
    ...(sentAt !== null ? { sentAt } : {}),
    ...(lease ? { leaseOwner: lease.owner, leaseExpiresAt: lease.expiresAt } : {}),
  };
}

function isCanceller(value: string | undefined): value is OperationCancellers {
  return OPERATION_CANCELLERS.includes(value as OperationCancellers);
}

export function fromOperationItem(item: OperationItem): Operation {
  return {
    operationId: item.operationId,
    tenantId: item.tenantId,
    type: item.type,
    status: item.status,
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    progress: item.progress ?? 0,
    currentStep: item.currentStep ?? null,
    steps: item.steps ?? [],
    message: item.message ?? null,
    error: item.error ?? null,
    result: item.result ?? null,
    attempts: item.attempts ?? 0,
    createdBy: item.createdBy,
    ...(isCanceller(item.cancellableBy) ? { cancellableBy: item.cancellableBy } : {}),
    createdAt: item.createdAt,
    startedAt: item.startedAt ?? null,
    completedAt: item.completedAt ?? null,
    updatedAt: item.updatedAt,
    version: item.version,
    lease:
      typeof item.leaseOwner === 'string' && typeof item.leaseExpiresAt === 'string'
        ? { owner: item.leaseOwner, expiresAt: item.leaseExpiresAt }
        : null,
    deadlineAt: item.deadlineAt,
    dispatch: item.dispatch ?? null,
    sentAt: item.sentAt ?? null,
    sendCount: item.sendCount ?? 0,
  };
}
