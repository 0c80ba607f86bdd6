import type { ExtraWrites } from '@bbws/data-access-dynamo';
import type { ClaimResult, Operation, OperationError, OperationStep } from '@bbws/shared-contracts';

/** What producers need from the operations store (implemented by the operations DAO). */
export interface OperationLaunchStore {
  /** `extra`: the caller's own writes (built by its DAO), committed with the operation and its lock. */
  createWithLock(operation: Operation, extra?: ExtraWrites): Promise<void>;
  recordSend(operationId: string): Promise<void>;
}

/** What the consumer runtime needs from the operations store (implemented by the operations DAO). */
export interface OperationRunStore {
  get(operationId: string): Promise<Operation | null>;
  /**
   * Takes the lease in one conditional write. With `expected`, an operation of another tenant or type
   * is never claimed: it comes back untouched (terminal or busy) for the processor to refuse.
   */
  claim(
    operationId: string,
    owner: string,
    leaseMs: number,
    expected?: { tenantId: string | null; type: string },
  ): Promise<ClaimResult>;
  heartbeat(operationId: string, owner: string, leaseMs: number): Promise<void>;
  saveProgress(
    operationId: string,
    owner: string,
    update: { steps: OperationStep[]; currentStep: string | null; progress: number; message?: string | null },
    leaseMs: number,
  ): Promise<void>;
  releaseLease(operationId: string, owner: string, message: string | null): Promise<void>;
  complete(
    operation: Operation,
    owner: string,
    outcome: { result: Record<string, unknown> | null; message: string | null; steps: OperationStep[] },
    extra?: ExtraWrites,
  ): Promise<void>;
  fail(
    operation: Operation,
    owner: string | null,
    failure: { error: OperationError; message?: string | null; steps?: OperationStep[] },
    extra?: ExtraWrites,
  ): Promise<boolean>;
}

/** What the sweeper needs. */
export interface OperationSweepStore extends OperationLaunchStore {
  listStale(status: 'PENDING' | 'IN_PROGRESS', updatedBefore: Date, limit: number): Promise<Operation[]>;
  fail: OperationRunStore['fail'];
}
