import { ConflictError } from '@bbws/shared-errors';
import type { Envelope } from './message-envelope';
import type { OperationCancellers } from './operation-cancel.policy';
import type { QueueKey } from './queue-definitions';

export const OPERATION_STATUSES = ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'CANCELLED'] as const;
export type OperationStatus = (typeof OPERATION_STATUSES)[number];

export const TERMINAL_OPERATION_STATUSES: readonly OperationStatus[] = ['COMPLETED', 'FAILED', 'CANCELLED'];

export function isTerminalStatus(status: OperationStatus): boolean {
  return TERMINAL_OPERATION_STATUSES.includes(status);
}

export type StepStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export interface OperationStep {
  name: string;
  status: StepStatus;
  startedAt: string | null;
  completedAt: string | null;
  /** What a completed step produced, so a resumed operation skips it and still has its output. */
  output?: Record<string, unknown>;
}

export interface OperationError {
  code: string;
  message: string;
  retryable: boolean;
}

/** The message an operation was started with, kept so a sweeper can send it again. */
export interface OperationDispatch {
  queue: QueueKey;
  message: Envelope;
}

/** The durable record of a long action (DATA.md operations table). */
export interface Operation {
  operationId: string;
  tenantId: string;
  type: string;
  status: OperationStatus;
  resourceType: string;
  resourceId: string;
  progress: number;
  currentStep: string | null;
  steps: OperationStep[];
  message: string | null;
  error: OperationError | null;
  result: Record<string, unknown> | null;
  attempts: number;
  createdBy: string;
  /** Who may cancel it while PENDING, fixed at launch; absent on operations stored before it was. */
  cancellableBy?: OperationCancellers;
  createdAt: string;
  startedAt: string | null;
  completedAt: string | null;
  updatedAt: string;
  version: number;
  /** The worker holding the operation and until when (IN_PROGRESS only). */
  lease: { owner: string; expiresAt: string } | null;
  /** After this moment a non-terminal operation is failed by the sweeper (stuck). */
  deadlineAt: string;
  dispatch: OperationDispatch | null;
  /** When its message was last handed to SQS, and how many times. */
  sentAt: string | null;
  sendCount: number;
}

/** A worker's write on an operation it no longer holds: another worker took it over. */
export class LeaseLostError extends ConflictError {
  constructor(operationId: string) {
    super('OPERATION_LEASE_LOST', `Operation ${operationId} is no longer held by this worker`, {
      operationId,
    });
  }
}
