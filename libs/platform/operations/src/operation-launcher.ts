import {
  ResourceLockedError,
  buildMessage,
  cancellersForType,
  operationTypeOf,
  type MessageContract,
  type Operation,
} from '@bbws/shared-contracts';
import { ConflictError } from '@bbws/shared-errors';
import type { Logger } from '@bbws/shared-logging';
import { newId, type Clock } from '@bbws/shared-util';
import type { ExtraWrites } from '@bbws/data-access-dynamo';
import type { MessageProducer } from '@bbws/platform-sqs';
import type { OperationLaunchStore } from './operation-store.port';
import { operationRoutes } from './operation.presenter';

export interface LaunchRequest<P extends object> {
  contract: MessageContract<P>;
  /** The operation's type as users see it; must be the one the message runs (`operationTypeOf`), its default. */
  type?: string;
  tenantId: string;
  resourceType: string;
  resourceId: string;
  createdBy: string;
  correlationId: string;
  payload: P;
  /** The producer's own writes (e.g. the site PROVISIONING), committed with the operation and lock. */
  extra?: ExtraWrites;
  /** A non-terminal operation older than this is failed by the sweeper. Default 24 h. */
  maxDurationMs?: number;
  /** The id to give the operation when `extra` must name it (e.g. a backup's operationId); default a new one. */
  operationId?: string;
}

const DEFAULT_MAX_DURATION_MS = 24 * 3600_000;

/**
 * Starts an operation: the record, its resource lock and the caller's writes in one transaction
 * (so the operation exists before any 202), then the message, then a note that it was sent. A crash
 * or an SQS failure after the commit leaves a PENDING operation the sweeper sends again.
 */
export class OperationLauncher {
  constructor(
    private readonly store: OperationLaunchStore,
    private readonly producer: MessageProducer,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  async launch<P extends object>(request: LaunchRequest<P>): Promise<Operation> {
    const now = this.clock.now();
    const nowIso = now.toISOString();
    const operationId = request.operationId ?? newId('op');
    const message = buildMessage(
      request.contract,
      {
        operationId,
        tenantId: request.tenantId,
        resourceId: request.resourceId,
        correlationId: request.correlationId,
        payload: request.payload,
      },
      now,
    );
    const type = operationTypeOf(request.contract, request.payload);
    // Workers refuse a message whose operation has another type: fail here, not on the queue.
    if (request.type !== undefined && request.type !== type)
      throw new Error(
        `A ${request.contract.messageType} message runs ${type} operations, not ${request.type}`,
      );
    const operation: Operation = {
      operationId,
      tenantId: request.tenantId,
      type,
      status: 'PENDING',
      resourceType: request.resourceType,
      resourceId: request.resourceId,
      progress: 0,
      currentStep: null,
      steps: [],
      message: null,
      error: null,
      result: null,
      attempts: 0,
      createdBy: request.createdBy,
      cancellableBy: cancellersForType(type),
      createdAt: nowIso,
      startedAt: null,
      completedAt: null,
      updatedAt: nowIso,
      version: 1,
      lease: null,
      deadlineAt: new Date(now.getTime() + (request.maxDurationMs ?? DEFAULT_MAX_DURATION_MS)).toISOString(),
      dispatch: { queue: request.contract.queue, message },
      sentAt: null,
      sendCount: 0,
    };
    await this.store.createWithLock(operation, request.extra).catch((error: unknown) => {
      throw error instanceof ResourceLockedError ? operationInProgress(error) : error;
    });
    try {
      await this.producer.send(request.contract.queue, message);
      await this.store.recordSend(operationId);
    } catch (error) {
      this.logger.warn(
        { err: error, operationId },
        'operation stored but its message was not sent; the sweeper will send it',
      );
    }
    return operation;
  }
}

/** API.md's 409 for a resource another operation holds, linking to that operation. */
function operationInProgress(locked: ResourceLockedError): ConflictError {
  const { resourceId, operationId, operationType } = locked;
  return new ConflictError('OPERATION_IN_PROGRESS', locked.message, {
    resourceId,
    ...(operationId ? { operationId, operationType, href: operationRoutes.operation(operationId) } : {}),
  });
}
