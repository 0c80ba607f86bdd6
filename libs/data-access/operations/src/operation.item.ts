import type {
  OperationCancellers,
  OperationDispatch,
  OperationError,
  OperationStatus,
  OperationStep,
} from '@bbws/shared-contracts';

/** Attributes every stored item carries (DATA.md). */
type StoredItem = { PK: string; SK: string; schemaVersion: number; createdAt: string; updatedAt: string };

/** An operation as stored (DATA.md operations table); null fields are left out. */
export type OperationItem = StoredItem & {
  entityType: 'OPERATION';
  GSI1PK: string;
  GSI1SK: string;
  GSI2PK: string;
  GSI2SK: string;
  /** Non-terminal operations only (the sweeper's index). */
  GSI3PK?: string;
  GSI3SK?: string;
  operationId: string;
  tenantId: string;
  type: string;
  status: OperationStatus;
  resourceType: string;
  resourceId: string;
  progress?: number;
  currentStep?: string;
  steps?: OperationStep[];
  message?: string;
  error?: OperationError;
  result?: Record<string, unknown>;
  attempts?: number;
  createdBy: string;
  cancellableBy?: OperationCancellers | string;
  cancelledBy?: string;
  startedAt?: string;
  completedAt?: string;
  version: number;
  leaseOwner?: string;
  leaseExpiresAt?: string;
  claimId?: string;
  deadlineAt: string;
  dispatch?: OperationDispatch;
  sentAt?: string;
  sendCount?: number;
  ttl?: number;
};

/** The lock an operation holds on its resource while it is not terminal. */
export type OperationLockItem = StoredItem & {
  entityType: 'OPERATION_LOCK';
  operationId: string;
  operationType: string;
  tenantId: string;
  leaseExpiresAt: string;
};

/** Items read from the operations table by an operation key are operations (the one place that says so). */
export function asOperationItem(item: Record<string, unknown>): OperationItem {
  return item as unknown as OperationItem;
}
