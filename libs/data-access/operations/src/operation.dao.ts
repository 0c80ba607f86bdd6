import type { DynamoContext, ExtraWrites } from '@bbws/data-access-dynamo';
import type { ClaimResult, Operation, OperationError, OperationStep } from '@bbws/shared-contracts';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { OperationLaunchDao } from './operation-launch.dao';
import { OperationReadDao, type OperationListFilter } from './operation-read.dao';
import { OperationRunDao, type ClaimExpectation, type ProgressUpdate } from './operation-run.dao';
import { OperationWrites, type OperationDaoOptions } from './operation-writes';

/**
 * Operations and their resource locks, as the operations stores of `@bbws/platform-operations` see
 * them. Every state change is one conditional write: creation takes the lock in the same transaction
 * as the caller's writes (launch), workers fence their writes with the lease they hold (run), and
 * terminal transitions release the lock in the same transaction.
 */
export class OperationDao {
  private readonly launching: OperationLaunchDao;
  private readonly running: OperationRunDao;
  private readonly reading: OperationReadDao;

  constructor(db: DynamoContext, options: OperationDaoOptions = { terminalRetentionDays: 90 }) {
    const writes = new OperationWrites(db, options);
    this.launching = new OperationLaunchDao(writes);
    this.running = new OperationRunDao(writes);
    this.reading = new OperationReadDao(writes);
  }

  createWithLock(operation: Operation, extra?: ExtraWrites): Promise<void> {
    return this.launching.createWithLock(operation, extra);
  }

  recordSend(operationId: string): Promise<void> {
    return this.launching.recordSend(operationId);
  }

  cancel(operationId: string, actor: string): Promise<Operation> {
    return this.launching.cancel(operationId, actor);
  }

  get(operationId: string): Promise<Operation | null> {
    return this.reading.get(operationId);
  }

  activeOperationId(resourceId: string): Promise<string | null> {
    return this.reading.activeOperationId(resourceId);
  }

  listByTenant(tenantId: string, filter: OperationListFilter, page: PageRequest): Promise<Page<Operation>> {
    return this.reading.listByTenant(tenantId, filter, page);
  }

  listByResource(
    tenantId: string,
    resourceId: string,
    filter: OperationListFilter,
    page: PageRequest,
  ): Promise<Page<Operation>> {
    return this.reading.listByResource(tenantId, resourceId, filter, page);
  }

  listStale(status: 'PENDING' | 'IN_PROGRESS', updatedBefore: Date, limit: number): Promise<Operation[]> {
    return this.reading.listStale(status, updatedBefore, limit);
  }

  claim(
    operationId: string,
    owner: string,
    leaseMs: number,
    expected?: ClaimExpectation,
  ): Promise<ClaimResult> {
    return this.running.claim(operationId, owner, leaseMs, expected);
  }

  heartbeat(operationId: string, owner: string, leaseMs: number): Promise<void> {
    return this.running.heartbeat(operationId, owner, leaseMs);
  }

  saveProgress(operationId: string, owner: string, update: ProgressUpdate, leaseMs: number): Promise<void> {
    return this.running.saveProgress(operationId, owner, update, leaseMs);
  }

  releaseLease(operationId: string, owner: string, message: string | null): Promise<void> {
    return this.running.releaseLease(operationId, owner, message);
  }

  complete(
    operation: Operation,
    owner: string,
    outcome: { result: Record<string, unknown> | null; message: string | null; steps: OperationStep[] },
    extra?: ExtraWrites,
  ): Promise<void> {
    return this.running.complete(operation, owner, outcome, extra);
  }

  fail(
    operation: Operation,
    owner: string | null,
    failure: { error: OperationError; message?: string | null; steps?: OperationStep[] },
    extra?: ExtraWrites,
  ): Promise<boolean> {
    return this.running.fail(operation, owner, failure, extra);
  }
}
