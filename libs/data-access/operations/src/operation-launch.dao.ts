import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { extraWritesContents, putNew, transactWrite, type ExtraWrites } from '@bbws/data-access-dynamo';
import { ResourceLockedError, type Operation, type OperationStatus } from '@bbws/shared-contracts';
import { ConflictError, InvalidStatusTransitionError, NotFoundError } from '@bbws/shared-errors';
import { asOperationItem, type OperationLockItem } from './operation.item';
import { operationKeys } from './operation.keys';
import { toOperationItem } from './operation.mapper';
import type { OperationWrites } from './operation-writes';

/** What the side that starts operations writes: creation with the lock, sends, cancellation. */
export class OperationLaunchDao {
  constructor(private readonly writes: OperationWrites) {}

  /**
   * Stores a PENDING operation with the lock on its resource and the caller's writes, all or nothing.
   * A lock held by another operation is a ResourceLockedError naming it.
   */
  async createWithLock(operation: Operation, extra?: ExtraWrites): Promise<void> {
    const lock: OperationLockItem = {
      ...operationKeys.lock(operation.resourceId),
      entityType: 'OPERATION_LOCK',
      schemaVersion: 1,
      operationId: operation.operationId,
      operationType: operation.type,
      tenantId: operation.tenantId,
      leaseExpiresAt: operation.deadlineAt,
      createdAt: operation.createdAt,
      updatedAt: operation.createdAt,
    };
    const own = extraWritesContents(extra);
    const table = this.writes.table;
    await transactWrite(
      this.writes.db.client,
      [putNew(table, toOperationItem(operation)), putNew(table, lock), ...own.items],
      ({ index, item }) => {
        if (index === 0)
          return new ConflictError('CONFLICT', `Operation ${operation.operationId} already exists`);
        if (index === 1) return resourceLocked(operation.resourceId, item);
        return (
          own.onConditionFailed?.({ index: index - 2, item }) ??
          new ConflictError('CONFLICT', 'A related resource changed meanwhile')
        );
      },
    );
  }

  /** Notes that the operation's message was handed to SQS (the sweeper re-sends unsent ones). */
  async recordSend(operationId: string): Promise<void> {
    try {
      await this.writes.db.client.send(
        new UpdateCommand({
          TableName: this.writes.table,
          Key: operationKeys.operation(operationId),
          UpdateExpression: 'SET sentAt = :now ADD sendCount :one',
          ConditionExpression: '#status IN (:pending, :inProgress)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':now': this.writes.db.clock.now().toISOString(),
            ':one': 1,
            ':pending': 'PENDING',
            ':inProgress': 'IN_PROGRESS',
          },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  /** PENDING → CANCELLED (nothing ran yet), releasing the lock. */
  async cancel(operationId: string, actor: string): Promise<Operation> {
    const operation = await this.writes.get(operationId);
    if (!operation) throw new NotFoundError('OPERATION', operationId);
    const refuse = (status: OperationStatus) =>
      new InvalidStatusTransitionError(status, 'CANCELLED', status === 'PENDING' ? ['CANCELLED'] : []);
    if (operation.status !== 'PENDING') throw refuse(operation.status);
    const message = `Cancelled by ${actor}`;
    await this.writes.finish(
      operation,
      'CANCELLED',
      { message, cancelledBy: actor },
      { expression: '#status = :pending', values: { ':pending': 'PENDING' } },
      undefined,
      (item) => refuse(item ? asOperationItem(item).status : operation.status),
    );
    return (await this.writes.get(operationId)) as Operation;
  }
}

function resourceLocked(resourceId: string, lock: Record<string, unknown> | undefined): ResourceLockedError {
  const operationId = typeof lock?.operationId === 'string' ? lock.operationId : undefined;
  const operationType = typeof lock?.operationType === 'string' ? lock.operationType : undefined;
  return new ResourceLockedError(resourceId, operationId, operationType);
}
