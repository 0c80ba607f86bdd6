import { randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, UpdateCommand, type UpdateCommandInput } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import {
  paginatedQuery,
  putNew,
  transactWrite,
  versionedUpdate,
  type ConditionFailure,
  type DynamoContext,
  type TransactItem,
} from '@bbws/data-access-dynamo';
import {
  InvalidStatusTransitionError,
  ConflictError,
  NotFoundError,
  type AppError,
} from '@bbws/shared-errors';
import {
  LeaseLostError,
  isTerminalStatus,
  operationRoutes,
  type Operation,
  type OperationError,
  type OperationStatus,
  type OperationStep,
} from '@bbws/shared-contracts';
import type { Page, PageRequest } from '@bbws/shared-hateoas';
import { addDays, epochSeconds } from '@bbws/shared-util';
import { operationKeys } from './operation.keys';
import { fromOperationItem, toOperationItem } from './operation.mapper';

export interface OperationDaoOptions {
  /** Terminal operations expire after this many days (DATA.md: 90). */
  terminalRetentionDays: number;
}

/** The caller's own writes that go into the same transaction, with their condition failures mapped. */
export interface ExtraWrites {
  items: TransactItem[];
  /** Called with the index inside `items` of the first item whose condition failed. */
  onConditionFailed?: (failure: ConditionFailure) => AppError;
}

export type ClaimResult =
  | { outcome: 'claimed'; operation: Operation }
  | { outcome: 'terminal'; operation: Operation }
  | { outcome: 'busy'; operation: Operation }
  | { outcome: 'missing' };

export interface ProgressUpdate {
  steps: OperationStep[];
  currentStep: string | null;
  progress: number;
  message?: string | null;
}

export interface OperationListFilter {
  status?: OperationStatus;
  type?: string;
}

const LOCK_ENTITY = 'OPERATION_LOCK';

/**
 * Operations and their resource locks. Every state change is one conditional write: creation takes
 * the lock in the same transaction as the caller's writes, workers fence their writes with the lease
 * they hold, and terminal transitions release the lock in the same transaction.
 */
export class OperationDao {
  constructor(
    private readonly db: DynamoContext,
    private readonly options: OperationDaoOptions = { terminalRetentionDays: 90 },
  ) {}

  private get table(): string {
    return this.db.tables.operations;
  }

  /**
   * Stores a PENDING operation with the lock on its resource and the caller's writes, all or nothing.
   * A lock held by another operation is a 409 OPERATION_IN_PROGRESS naming it.
   */
  async createWithLock(operation: Operation, extra?: ExtraWrites): Promise<void> {
    const lock = {
      ...operationKeys.lock(operation.resourceId),
      entityType: LOCK_ENTITY,
      schemaVersion: 1,
      operationId: operation.operationId,
      operationType: operation.type,
      tenantId: operation.tenantId,
      leaseExpiresAt: operation.deadlineAt,
      createdAt: operation.createdAt,
      updatedAt: operation.createdAt,
    };
    await transactWrite(
      this.db.client,
      [putNew(this.table, toOperationItem(operation)), putNew(this.table, lock), ...(extra?.items ?? [])],
      ({ index, item }) => {
        if (index === 0)
          return new ConflictError('CONFLICT', `Operation ${operation.operationId} already exists`);
        if (index === 1) return operationInProgress(operation.resourceId, item);
        const failure = { index: index - 2, item };
        return (
          extra?.onConditionFailed?.(failure) ??
          new ConflictError('CONFLICT', 'A related resource changed meanwhile')
        );
      },
    );
  }

  async get(operationId: string): Promise<Operation | null> {
    const { Item } = await this.db.client.send(
      new GetCommand({
        TableName: this.table,
        Key: operationKeys.operation(operationId),
        ConsistentRead: true,
      }),
    );
    return Item ? fromOperationItem(Item) : null;
  }

  /** The id of the operation holding the resource's lock (for `_links.operation`), or null. */
  async activeOperationId(resourceId: string): Promise<string | null> {
    const { Item } = await this.db.client.send(
      new GetCommand({ TableName: this.table, Key: operationKeys.lock(resourceId) }),
    );
    return typeof Item?.operationId === 'string' ? Item.operationId : null;
  }

  /** A tenant's operations, newest first (GSI1), optionally of one status and/or type. */
  listByTenant(tenantId: string, filter: OperationListFilter, page: PageRequest): Promise<Page<Operation>> {
    return this.list('GSI1', operationKeys.byTenant(tenantId), filter, page);
  }

  /** The operations on one resource of a tenant, newest first (GSI2); the tenant is checked on every item. */
  listByResource(
    tenantId: string,
    resourceId: string,
    filter: OperationListFilter,
    page: PageRequest,
  ): Promise<Page<Operation>> {
    return this.list('GSI2', operationKeys.byResource(resourceId), { ...filter, tenantId }, page);
  }

  /**
   * PENDING → IN_PROGRESS with a lease for `owner`; also takes over an operation whose lease expired
   * (its worker died). Tells a terminal operation and one held by a live worker apart.
   */
  async claim(operationId: string, owner: string, leaseMs: number): Promise<ClaimResult> {
    const now = this.db.clock.now();
    const nowIso = now.toISOString();
    // The SDK retries a request whose answer was lost (timeout, reset socket) although DynamoDB may have
    // applied it; the claim id makes such a retry fail its condition instead of counting an attempt twice.
    const claimId = randomUUID();
    try {
      const { Attributes } = await this.db.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: operationKeys.operation(operationId),
          UpdateExpression:
            'SET #status = :inProgress, leaseOwner = :owner, leaseExpiresAt = :expires, claimId = :claimId, startedAt = if_not_exists(startedAt, :now), ' +
            'updatedAt = :now, GSI3PK = :gsi3pk, GSI3SK = :gsi3sk ADD attempts :one, #version :one',
          ConditionExpression:
            'attribute_exists(PK) AND (attribute_not_exists(claimId) OR claimId <> :claimId) AND ' +
            '(#status = :pending OR (#status = :inProgress AND (leaseExpiresAt < :now OR leaseOwner = :owner)))',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: {
            ':inProgress': 'IN_PROGRESS',
            ':pending': 'PENDING',
            ':owner': owner,
            ':claimId': claimId,
            ':expires': new Date(now.getTime() + leaseMs).toISOString(),
            ':now': nowIso,
            ':gsi3pk': operationKeys.byStatus('IN_PROGRESS'),
            ':gsi3sk': operationKeys.updatedSort(nowIso, operationId),
            ':one': 1,
          },
          ReturnValues: 'ALL_NEW',
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { outcome: 'claimed', operation: fromOperationItem(Attributes ?? {}) };
    } catch (error) {
      const old = conditionFailedItem(error);
      if (old === undefined) throw error;
      if (old === null) return { outcome: 'missing' };
      const operation = fromOperationItem(old);
      if (old.claimId === claimId) return { outcome: 'claimed', operation };
      return isTerminalStatus(operation.status)
        ? { outcome: 'terminal', operation }
        : { outcome: 'busy', operation };
    }
  }

  /** Extends the lease of a held operation (the message's visibility is extended alongside). */
  async heartbeat(operationId: string, owner: string, leaseMs: number): Promise<void> {
    await this.fencedUpdate(
      operationId,
      owner,
      {
        leaseExpiresAt: new Date(this.db.clock.now().getTime() + leaseMs).toISOString(),
      },
      false,
    );
  }

  /** Step checkpoint: steps, current step and progress, written only while `owner` holds the lease. */
  async saveProgress(
    operationId: string,
    owner: string,
    update: ProgressUpdate,
    leaseMs: number,
  ): Promise<void> {
    const now = this.db.clock.now();
    const nowIso = now.toISOString();
    await this.fencedUpdate(operationId, owner, {
      steps: update.steps,
      currentStep: update.currentStep,
      progress: update.progress,
      ...(update.message !== undefined ? { message: update.message } : {}),
      updatedAt: nowIso,
      GSI3SK: operationKeys.updatedSort(nowIso, operationId),
      leaseExpiresAt: new Date(now.getTime() + leaseMs).toISOString(),
    });
  }

  /** Gives the operation up for another attempt: the lease ends now, the status stays IN_PROGRESS. */
  async releaseLease(operationId: string, owner: string, message: string | null): Promise<void> {
    try {
      await this.fencedUpdate(operationId, owner, {
        leaseExpiresAt: this.db.clock.now().toISOString(),
        ...(message !== null ? { message } : {}),
      });
    } catch (error) {
      if (!(error instanceof LeaseLostError)) throw error;
    }
  }

  /** IN_PROGRESS → COMPLETED with its result, the lock released and the caller's final writes, at once. */
  async complete(
    operation: Operation,
    owner: string,
    outcome: { result: Record<string, unknown> | null; message: string | null; steps: OperationStep[] },
    extra?: ExtraWrites,
  ): Promise<void> {
    try {
      await this.finish(
        operation,
        'COMPLETED',
        {
          result: outcome.result,
          message: outcome.message,
          steps: outcome.steps,
          progress: 100,
          currentStep: null,
          error: null,
        },
        {
          expression: '#status = :inProgress AND leaseOwner = :owner',
          values: { ':inProgress': 'IN_PROGRESS', ':owner': owner },
        },
        extra,
        () => new LeaseLostError(operation.operationId),
      );
    } catch (error) {
      // A retried call whose first attempt did commit finds it completed already.
      if (error instanceof LeaseLostError && (await this.get(operation.operationId))?.status === 'COMPLETED')
        return;
      throw error;
    }
  }

  /**
   * → FAILED with the error, releasing the lock. With an owner, only while it holds the lease; without
   * one (sweeper, malformed message), only when no live worker holds it. False when it was not failed.
   */
  async fail(
    operation: Operation,
    owner: string | null,
    failure: { error: OperationError; message?: string | null; steps?: OperationStep[] },
    extra?: ExtraWrites,
  ): Promise<boolean> {
    if (isTerminalStatus(operation.status)) return false;
    const nowIso = this.db.clock.now().toISOString();
    const condition = owner
      ? {
          expression: '#status = :inProgress AND leaseOwner = :owner',
          values: { ':inProgress': 'IN_PROGRESS', ':owner': owner },
        }
      : {
          expression:
            '#status = :pending OR (#status = :inProgress AND (attribute_not_exists(leaseExpiresAt) OR leaseExpiresAt < :now))',
          values: { ':pending': 'PENDING', ':inProgress': 'IN_PROGRESS', ':now': nowIso },
        };
    const steps = (failure.steps ?? operation.steps).map((step) =>
      step.status === 'IN_PROGRESS' ? { ...step, status: 'FAILED' as const, completedAt: nowIso } : step,
    );
    try {
      await this.finish(
        operation,
        'FAILED',
        { error: failure.error, message: failure.message ?? failure.error.message, steps, result: null },
        condition,
        extra,
        () => new LeaseLostError(operation.operationId),
      );
      return true;
    } catch (error) {
      if (error instanceof LeaseLostError) return false;
      throw error;
    }
  }

  /** PENDING → CANCELLED (nothing ran yet), releasing the lock. */
  async cancel(operationId: string, actor: string): Promise<Operation> {
    const operation = await this.get(operationId);
    if (!operation) throw new NotFoundError('OPERATION', operationId);
    const refuse = (status: OperationStatus) =>
      new InvalidStatusTransitionError(status, 'CANCELLED', status === 'PENDING' ? ['CANCELLED'] : []);
    if (operation.status !== 'PENDING') throw refuse(operation.status);
    const message = `Cancelled by ${actor}`;
    await this.finish(
      operation,
      'CANCELLED',
      { message, cancelledBy: actor },
      { expression: '#status = :pending', values: { ':pending': 'PENDING' } },
      undefined,
      (item) => refuse((item?.status as OperationStatus | undefined) ?? operation.status),
    );
    return (await this.get(operationId)) as Operation;
  }

  /** Notes that the operation's message was handed to SQS (the sweeper re-sends unsent ones). */
  async recordSend(operationId: string): Promise<void> {
    try {
      await this.db.client.send(
        new UpdateCommand({
          TableName: this.table,
          Key: operationKeys.operation(operationId),
          UpdateExpression: 'SET sentAt = :now ADD sendCount :one',
          ConditionExpression: '#status IN (:pending, :inProgress)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':now': this.db.clock.now().toISOString(),
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

  /** Non-terminal operations in `status` not updated since `updatedBefore`, oldest first (GSI3). */
  async listStale(
    status: 'PENDING' | 'IN_PROGRESS',
    updatedBefore: Date,
    limit: number,
  ): Promise<Operation[]> {
    const found: Operation[] = [];
    let startAt: string | undefined;
    do {
      const page = await paginatedQuery(this.db.client, this.db.cursors, {
        tableName: this.table,
        index: 'GSI3',
        partition: operationKeys.byStatus(status),
        sortKey: { lessThan: updatedBefore.toISOString() },
        pageSize: Math.min(100, limit - found.length),
        ...(startAt ? { startAt } : {}),
      });
      found.push(...page.items.map(fromOperationItem));
      startAt = page.nextStartAt ?? undefined;
    } while (startAt && found.length < limit);
    return found;
  }

  private async list(
    index: 'GSI1' | 'GSI2',
    partition: string,
    filter: OperationListFilter & { tenantId?: string },
    page: PageRequest,
  ): Promise<Page<Operation>> {
    const conditions: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    for (const field of ['tenantId', 'status', 'type'] as const) {
      const value = filter[field];
      if (value === undefined) continue;
      conditions.push(`#${field} = :${field}`);
      names[`#${field}`] = field;
      values[`:${field}`] = value;
    }
    const result = await paginatedQuery(this.db.client, this.db.cursors, {
      tableName: this.table,
      index,
      partition,
      descending: true,
      ...(conditions.length ? { filter: { expression: conditions.join(' AND '), names, values } } : {}),
      ...page,
    });
    return { items: result.items.map(fromOperationItem), nextStartAt: result.nextStartAt };
  }

  /** The terminal write: status, ttl, out of GSI3, lease gone, lock released, caller's writes. */
  private async finish(
    operation: Operation,
    status: OperationStatus,
    changes: Record<string, unknown>,
    condition: { expression: string; values: Record<string, unknown> },
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
    await transactWrite(this.db.client, [update, releaseLock, ...(extra?.items ?? [])], ({ index, item }) => {
      if (index === 0) return onOperationConditionFailed(item);
      if (index === 1)
        return new ConflictError(
          'CONFLICT',
          `The lock on ${operation.resourceId} belongs to another operation`,
        );
      return (
        extra?.onConditionFailed?.({ index: index - 2, item }) ??
        new ConflictError('CONFLICT', 'A related resource changed meanwhile')
      );
    });
  }

  /** An update that only applies while `owner` holds the IN_PROGRESS operation. */
  private async fencedUpdate(
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

function operationInProgress(resourceId: string, lock: Record<string, unknown> | undefined): ConflictError {
  const operationId = typeof lock?.operationId === 'string' ? lock.operationId : undefined;
  return new ConflictError('OPERATION_IN_PROGRESS', `Another operation is in progress on ${resourceId}`, {
    resourceId,
    ...(operationId
      ? { operationId, operationType: lock?.operationType, href: operationRoutes.operation(operationId) }
      : {}),
  });
}

/** The item as it was when an UpdateItem's condition failed: undefined for other errors, null when absent. */
function conditionFailedItem(error: unknown): Record<string, unknown> | null | undefined {
  if (!(error instanceof ConditionalCheckFailedException)) return undefined;
  const item = error.Item as Record<string, AttributeValue> | undefined;
  return item ? unmarshall(item) : null;
}
