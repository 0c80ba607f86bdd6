import { randomUUID } from 'node:crypto';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { ExtraWrites } from '@bbws/data-access-dynamo';
import {
  LeaseLostError,
  isTerminalStatus,
  type ClaimResult,
  type Operation,
  type OperationError,
  type OperationStep,
} from '@bbws/shared-contracts';
import { asOperationItem } from './operation.item';
import { operationKeys } from './operation.keys';
import { fromOperationItem } from './operation.mapper';
import { conditionFailedItem, type OperationWrites } from './operation-writes';

/** What the message says the operation is: a claim refuses an operation of another tenant or type. */
export interface ClaimExpectation {
  tenantId: string | null;
  type: string;
}

export interface ProgressUpdate {
  steps: OperationStep[];
  currentStep: string | null;
  progress: number;
  message?: string | null;
}

/** What workers write while they run an operation: claim, lease, checkpoints, and its end. */
export class OperationRunDao {
  constructor(private readonly writes: OperationWrites) {}

  /**
   * PENDING → IN_PROGRESS with a lease for `owner`; also takes over an operation whose lease expired
   * (its worker died). Tells a terminal operation and one held by a live worker apart. With `expected`,
   * only an operation of that tenant and type is claimed (checked in the same conditional write, so
   * the worker needs no read first); another is returned untouched, terminal or busy, for the caller
   * to refuse.
   */
  async claim(
    operationId: string,
    owner: string,
    leaseMs: number,
    expected?: ClaimExpectation,
  ): Promise<ClaimResult> {
    const now = this.writes.db.clock.now();
    const nowIso = now.toISOString();
    // The SDK retries a request whose answer was lost (timeout, reset socket) although DynamoDB may have
    // applied it; the claim id makes such a retry fail its condition instead of counting an attempt twice.
    const claimId = randomUUID();
    try {
      const { Attributes } = await this.writes.db.client.send(
        new UpdateCommand({
          TableName: this.writes.table,
          Key: operationKeys.operation(operationId),
          UpdateExpression:
            'SET #status = :inProgress, leaseOwner = :owner, leaseExpiresAt = :expires, claimId = :claimId, startedAt = if_not_exists(startedAt, :now), ' +
            'updatedAt = :now, GSI3PK = :gsi3pk, GSI3SK = :gsi3sk ADD attempts :one, #version :one',
          ConditionExpression:
            'attribute_exists(PK) AND (attribute_not_exists(claimId) OR claimId <> :claimId) AND ' +
            '(#status = :pending OR (#status = :inProgress AND (leaseExpiresAt < :now OR leaseOwner = :owner)))' +
            (expected ? ' AND tenantId = :tenantId AND #type = :type' : ''),
          ExpressionAttributeNames: {
            '#status': 'status',
            '#version': 'version',
            ...(expected ? { '#type': 'type' } : {}),
          },
          ExpressionAttributeValues: {
            ...(expected ? { ':tenantId': expected.tenantId, ':type': expected.type } : {}),
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
      return { outcome: 'claimed', operation: fromOperationItem(asOperationItem(Attributes ?? {})) };
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
    await this.writes.fencedUpdate(
      operationId,
      owner,
      {
        leaseExpiresAt: new Date(this.writes.db.clock.now().getTime() + leaseMs).toISOString(),
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
    const now = this.writes.db.clock.now();
    const nowIso = now.toISOString();
    await this.writes.fencedUpdate(operationId, owner, {
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
      await this.writes.fencedUpdate(operationId, owner, {
        leaseExpiresAt: this.writes.db.clock.now().toISOString(),
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
      await this.writes.finish(
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
      if (
        error instanceof LeaseLostError &&
        (await this.writes.get(operation.operationId))?.status === 'COMPLETED'
      )
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
    const nowIso = this.writes.db.clock.now().toISOString();
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
      await this.writes.finish(
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
}
