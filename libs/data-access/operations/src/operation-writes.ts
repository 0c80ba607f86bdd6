import { ConditionalCheckFailedException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  extraWritesContents,
  transactWrite,
  versionedUpdate,
  type DynamoContext,
  type ExtraWrites,
  type TransactItem,
} from '@bbws/data-access-dynamo';
import { LeaseLostError, type Operation, type OperationStatus } from '@bbws/shared-contracts';
import { ConflictError, type AppError } from '@bbws/shared-errors';
import { addDays, epochSeconds } from '@bbws/shared-util';
import { asOperationItem, type OperationItem } from './operation.item';
import { operationKeys } from './operation.keys';
import { fromOperationItem } from './operation.mapper';

export interface OperationDaoOptions {
  /** Terminal operations expire after this many days (DATA.md: 90). */
  terminalRetentionDays: number;
}

export interface WriteCondition {
  expression: string;
  values: Record<string, unknown>;
}

/** The writes every operation state change is made of: reads, fenced updates and the terminal transaction. */
export class OperationWrites {
  constructor(
    readonly db: DynamoContext,
    private readonly options: OperationDaoOptions,
  ) {}

  get table(): string {
    return this.db.tables.operations;
  }

  async get(operationId: string): Promise<Operation | null> {
    const { Item } = await this.db.client.send(
      new GetCommand({
        TableName: this.table,
        Key: operationKeys.operation(operationId),
        ConsistentRead: true,
      }),
    );
    return Item ? fromOperationItem(asOperationItem(Item)) : null;
  }

  /** The terminal write: status, ttl, out of GSI3, lease gone, lock released, caller's writes. */
  async finish(
    operation: Operation,
    status: OperationStatus,
    changes: Record<string, unknown>,
    condition: WriteCondition,
    extra: ExtraWrites | undefined,
    onOperationConditionFailed: (item: Record<string, unknown> | undefined) => AppError,
  ): Promise<void> {
    const now = this.db.clock.now();
    const nowIso = now.toISOString();
    const update = versionedUpdate({
      tableName: this.table,
      key: operationKeys.operation(operation.operationId),
      set: {
        ...changes,
        status,
        completedAt: nowIso,
        updatedAt: nowIso,
        ttl: epochSeconds(addDays(now, this.options.terminalRetentionDays)),
        GSI3PK: undefined,
        GSI3SK: undefined,
        leaseOwner: undefined,
        leaseExpiresAt: undefined,
      },
      condition: {
        expression: condition.expression,
        names: { '#status': 'status' },
        values: condition.values,
      },
    });
    const releaseLock: TransactItem = {
      Delete: {
        TableName: this.table,
        Key: operationKeys.lock(operation.resourceId),
        ConditionExpression: 'attribute_not_exists(PK) OR operationId = :operationId',
        ExpressionAttributeValues: { ':operationId': operation.operationId },
      },
    };
    const own = extraWritesContents(extra);
    await transactWrite(this.db.client, [update, releaseLock, ...own.items], ({ index, item }) => {
      if (index === 0) return onOperationConditionFailed(item);
      if (index === 1)
        return new ConflictError(
          'CONFLICT',
          `The lock on ${operation.resourceId} belongs to another operation`,
        );
      return (
        own.onConditionFailed?.({ index: index - 2, item }) ??
        new ConflictError('CONFLICT', 'A related resource changed meanwhile')
      );
    });
  }

  /** An update that only applies while `owner` holds the IN_PROGRESS operation. */
  async fencedUpdate(
    operationId: string,
    owner: string,
    set: Record<string, unknown>,
    bumpVersion = true,
  ): Promise<void> {
    const { Update } = versionedUpdate({
      tableName: this.table,
      key: operationKeys.operation(operationId),
      set,
      bumpVersion,
      condition: {
        expression: '#status = :inProgress AND leaseOwner = :owner',
        names: { '#status': 'status' },
        values: { ':inProgress': 'IN_PROGRESS', ':owner': owner },
      },
    });
    try {
      await this.db.client.send(new UpdateCommand(Update as UpdateCommandInput));
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw new LeaseLostError(operationId);
      throw error;
    }
  }
}

/** The item as it was when an UpdateItem's condition failed: undefined for other errors, null when absent. */
export function conditionFailedItem(error: unknown): OperationItem | null | undefined {
  if (!(error instanceof ConditionalCheckFailedException)) return undefined;
  const item = error.Item as Record<string, AttributeValue> | undefined;
  return item ? asOperationItem(unmarshall(item)) : null;
}
