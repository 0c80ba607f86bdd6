import {
  OPERATION_CANCELLERS,
  isTerminalStatus,
  type Operation,
  type OperationCancellers,
} from '@bbws/shared-contracts';
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
export function toOperationItem(operation: Operation): Record<string, unknown> {
  const { lease, ...fields } = operation;
  const rest = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null));
  return {
    ...operationKeys.operation(operation.operationId),
    GSI1PK: operationKeys.byTenant(operation.tenantId),
    GSI1SK: operationKeys.createdSort(operation.createdAt, operation.operationId),
    GSI2PK: operationKeys.byResource(operation.resourceId),
    GSI2SK: operationKeys.createdSort(operation.createdAt, operation.operationId),
    ...statusIndexAttributes(operation),
    entityType: 'OPERATION',
    schemaVersion: OPERATION_SCHEMA_VERSION,
    ...rest,
    ...(lease ? { leaseOwner: lease.owner, leaseExpiresAt: lease.expiresAt } : {}),
  };
}

export function fromOperationItem(item: Record<string, unknown>): Operation {
  const nullable = <T>(value: unknown): T | null => (value === undefined ? null : (value as T));
  return {
    operationId: item.operationId as string,
    tenantId: item.tenantId as string,
    type: item.type as string,
    status: item.status as Operation['status'],
    resourceType: item.resourceType as string,
    resourceId: item.resourceId as string,
    progress: (item.progress as number | undefined) ?? 0,
    currentStep: nullable(item.currentStep),
    steps: (item.steps as Operation['steps'] | undefined) ?? [],
    message: nullable(item.message),
    error: nullable(item.error),
    result: nullable(item.result),
    attempts: (item.attempts as number | undefined) ?? 0,
    createdBy: item.createdBy as string,
    ...(OPERATION_CANCELLERS.includes(item.cancellableBy as OperationCancellers)
      ? { cancellableBy: item.cancellableBy as OperationCancellers }
      : {}),
    createdAt: item.createdAt as string,
    startedAt: nullable(item.startedAt),
    completedAt: nullable(item.completedAt),
    updatedAt: item.updatedAt as string,
    version: item.version as number,
    lease:
      typeof item.leaseOwner === 'string' && typeof item.leaseExpiresAt === 'string'
        ? { owner: item.leaseOwner, expiresAt: item.leaseExpiresAt }
        : null,
    deadlineAt: item.deadlineAt as string,
    dispatch: nullable(item.dispatch),
    sentAt: nullable(item.sentAt),
    sendCount: (item.sendCount as number | undefined) ?? 0,
  };
}
