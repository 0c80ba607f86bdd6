import {
  LeaseLostError,
  operationTypeOf,
  type MalformedMessageError,
  type MessageContract,
  type Operation,
  type OperationError,
  type ParsedMessage,
} from '@bbws/shared-contracts';
import { AppError } from '@bbws/shared-errors';
import type { Logger } from '@bbws/shared-logging';
import type { Clock } from '@bbws/shared-util';
import type { ExtraWrites } from '@bbws/data-access-dynamo';
import {
  WorkerShutdownError,
  backoffSeconds,
  type BackoffPolicy,
  type EventPublisher,
  type HandlerOutcome,
  type MessageContext,
  type QueueHandler,
} from '@bbws/platform-sqs';
import { OperationContext } from './operation-context';
import { publishOperationEvent } from './operation-event';
import type { OperationRunStore } from './operation-store.port';

export interface OperationOutcome {
  /** Shown as the operation's `result` (e.g. the new site's id). */
  result?: Record<string, unknown> | null;
  message?: string | null;
  /** The handler's final writes, committed together with COMPLETED (e.g. the site ACTIVE). */
  extra?: ExtraWrites;
}

/** One operation type's work; thin: it calls services through the context's steps. */
export interface OperationHandler<P extends object = object> {
  readonly contract: MessageContract<P>;
  run(context: OperationContext<P>): Promise<OperationOutcome | void>;
  /**
   * Called once the operation is FAILED, to put the resource it ran on in its failed state (e.g. an
   * instance FAILED with the error). Must be idempotent; an error here is logged, never retried.
   */
  onFailed?(operation: Operation, error: OperationError): Promise<void>;
  /**
   * The resource's failed state as writes committed WITH the FAILED operation (one transaction), so no
   * reader sees the operation failed and its resource not; `onFailed` still runs after the commit.
   */
  failureWrites?(operation: Operation, error: OperationError): Promise<ExtraWrites | undefined>;
}

export interface OperationProcessorOptions {
  name: string;
  /** This worker's identity in leases. */
  owner: string;
  /** Lease length; kept equal to the message visibility, both extended by the heartbeat. */
  leaseMs: number;
  retry: BackoffPolicy;
}

/**
 * Turns operation messages into operation state changes, the same way for every operation type:
 * claim (a terminal operation is acknowledged untouched; one a live worker holds is left to it),
 * run the handler's steps, then COMPLETED, or the error policy: our non-retryable errors fail the
 * operation; anything else is retried with backoff, and on the last receive fails the operation
 * before SQS moves the message to the DLQ.
 */
export class OperationProcessor implements QueueHandler {
  readonly name: string;
  readonly contracts: readonly MessageContract[];
  private readonly handlers: Map<string, OperationHandler>;
  /** Operations this process is running now: a second copy of their message must not re-claim them. */
  private readonly running = new Set<string>();

  constructor(
    handlers: OperationHandler[],
    private readonly store: OperationRunStore,
    private readonly events: EventPublisher | null,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: OperationProcessorOptions,
  ) {
    this.name = options.name;
    this.handlers = new Map(handlers.map((handler) => [handler.contract.messageType, handler]));
    this.contracts = handlers.map((handler) => handler.contract as MessageContract);
  }

  async handle(message: ParsedMessage, context: MessageContext): Promise<HandlerOutcome> {
    const operationId = message.envelope.operationId as string;
    if (this.running.has(operationId)) {
      // The lease owner is this worker, so the store would hand the claim over: refuse it here.
      return context.isLastReceive ? { action: 'ack' } : { action: 'retry', delaySeconds: 1 };
    }
    this.running.add(operationId);
    try {
      return await this.claimAndRun(message, context);
    } finally {
      this.running.delete(operationId);
    }
  }

  private async claimAndRun(message: ParsedMessage, context: MessageContext): Promise<HandlerOutcome> {
    const { envelope } = message;
    const operationId = envelope.operationId as string;
    // Tenant and type are in the claim's condition: a refused message takes no lease and counts no attempt.
    const claim = await this.store.claim(operationId, this.options.owner, this.options.leaseMs, {
      tenantId: envelope.tenantId,
      type: operationTypeOf(message.contract, envelope.payload),
    });
    if (claim.outcome === 'missing')
      return { action: 'dead-letter', reason: `OPERATION_NOT_FOUND: ${operationId}` };
    const refusal = claim.outcome === 'claimed' ? null : this.refusal(message, claim.operation);
    if (refusal) return refusal;
    switch (claim.outcome) {
      case 'terminal':
        context.logger.info(
          { operationId, status: claim.operation.status },
          'operation already finished; message acknowledged',
        );
        return { action: 'ack' };
      case 'busy': {
        if (context.isLastReceive) return { action: 'ack' };
        const remaining = Date.parse(claim.operation.lease?.expiresAt ?? '') - this.clock.now().getTime();
        return { action: 'retry', delaySeconds: Math.max(1, Math.ceil(remaining / 1000) + 1) };
      }
      case 'claimed':
        break;
    }
    const handler = this.handlers.get(message.contract.messageType) as OperationHandler;
    const run = new OperationContext(
      claim.operation,
      envelope,
      context.signal,
      context.receiveCount,
      this.store,
      this.options.owner,
      this.options.leaseMs,
      this.clock,
    );
    try {
      const outcome = (await handler.run(run)) ?? {};
      await this.store.complete(
        run.operation,
        this.options.owner,
        { result: outcome.result ?? null, message: outcome.message ?? null, steps: run.steps },
        outcome.extra,
      );
      await this.publish(run.operation, 'operation.completed', {
        status: 'COMPLETED',
        result: outcome.result ?? null,
      });
      return { action: 'ack' };
    } catch (error) {
      return this.onError(error, run, context);
    }
  }

  /**
   * A message runs only the operation of its own tenant and type (the claim's condition), else it goes
   * to the DLQ with the reason and the operation waits for its real message. Tenant and type never
   * change once an operation is stored.
   */
  private refusal(message: ParsedMessage, operation: Operation): HandlerOutcome | null {
    const { envelope, contract } = message;
    if (operation.tenantId !== envelope.tenantId) {
      return {
        action: 'dead-letter',
        reason: `TENANT_MISMATCH: the message names ${envelope.tenantId}, the operation ${operation.tenantId}`,
      };
    }
    const runs = operationTypeOf(contract, envelope.payload);
    if (operation.type !== runs) {
      const sent =
        runs === envelope.messageType ? `a ${runs} message` : `a ${envelope.messageType} message for ${runs}`;
      return {
        action: 'dead-letter',
        reason: `OPERATION_TYPE_MISMATCH: ${sent} cannot run a ${operation.type} operation`,
      };
    }
    return null;
  }

  async heartbeat(message: ParsedMessage): Promise<void> {
    await this.store.heartbeat(
      message.envelope.operationId as string,
      this.options.owner,
      this.options.leaseMs,
    );
  }

  async release(message: ParsedMessage): Promise<void> {
    await this.store.releaseLease(
      message.envelope.operationId as string,
      this.options.owner,
      'Interrupted by a worker shutdown; resuming',
    );
  }

  /**
   * A malformed message can never run: its operation fails now, when the message is surely its own
   * (same tenant, and the type it was sent with); a message naming another's operation changes nothing.
   */
  async onMalformed(error: MalformedMessageError, context: MessageContext): Promise<void> {
    if (!error.operationId) return;
    const operation = await this.store.get(error.operationId);
    if (!operation || operation.tenantId !== error.tenantId) return;
    if (error.messageType !== (operation.dispatch?.message.messageType ?? operation.type)) return;
    const failure: OperationError = {
      code: 'MALFORMED_MESSAGE',
      message: `The operation's message is not valid: ${error.message}`,
      retryable: false,
    };
    if (await this.store.fail(operation, null, { error: failure })) {
      context.logger.warn(
        { operationId: operation.operationId },
        'operation failed: its message is malformed',
      );
      await this.afterFailure(operation, failure);
    }
  }

  private async onError(
    error: unknown,
    run: OperationContext,
    context: MessageContext,
  ): Promise<HandlerOutcome> {
    const operation = run.operation;
    const reason: unknown = context.signal.aborted ? context.signal.reason : undefined;
    if (error instanceof LeaseLostError || reason instanceof LeaseLostError) {
      context.logger.warn(
        { operationId: operation.operationId },
        'lease lost; another worker continues the operation',
      );
      return { action: 'abandon' };
    }
    if (reason instanceof WorkerShutdownError) {
      await this.flushSteps(run);
      await this.store.releaseLease(
        operation.operationId,
        this.options.owner,
        'Interrupted by a worker shutdown; resuming',
      );
      return { action: 'release' };
    }
    const known = error instanceof AppError ? error : null;
    if (!known)
      context.logger.error(
        { err: error, operationId: operation.operationId },
        'operation step failed unexpectedly',
      );
    const code = known?.code ?? 'INTERNAL_ERROR';
    const text = known?.message ?? 'An unexpected error occurred';
    if (known && !known.retryable) {
      return this.failOperation(run, { code, message: text, retryable: false }, { action: 'ack' });
    }
    if (context.isLastReceive) {
      const message = `${text} (gave up after ${context.receiveCount} attempts)`;
      return this.failOperation(run, { code, message, retryable: true }, { action: 'release' });
    }
    const delaySeconds = backoffSeconds(context.receiveCount, this.options.retry);
    await this.flushSteps(run);
    await this.store.releaseLease(
      operation.operationId,
      this.options.owner,
      `Attempt ${context.receiveCount} failed (${code}: ${text}); retrying in ${delaySeconds} s`,
    );
    return { action: 'retry', delaySeconds };
  }

  /** Steps completed since the last checkpoint are kept for the next attempt. */
  private async flushSteps(run: OperationContext): Promise<void> {
    try {
      await run.flush();
    } catch (error) {
      this.logger.warn({ err: error, operationId: run.operation.operationId }, 'could not save the steps');
    }
  }

  private async failOperation(
    run: OperationContext,
    error: OperationError,
    then: HandlerOutcome,
  ): Promise<HandlerOutcome> {
    const failure = { error, steps: run.steps };
    const extra = await this.failureWrites(run.operation, error);
    let failed: boolean;
    try {
      failed = await this.store.fail(run.operation, this.options.owner, failure, extra);
    } catch (writeError) {
      if (!extra) throw writeError;
      // The resource moved under us (its writes' condition failed): the operation fails all the same.
      this.logger.warn({ err: writeError, operationId: run.operation.operationId }, 'failure writes refused');
      failed = await this.store.fail(run.operation, this.options.owner, failure);
    }
    if (!failed) return { action: 'abandon' };
    await this.afterFailure(run.operation, error);
    return then;
  }

  private async failureWrites(operation: Operation, error: OperationError): Promise<ExtraWrites | undefined> {
    const handler = this.handlers.get(operation.dispatch?.message.messageType ?? operation.type);
    try {
      return await handler?.failureWrites?.(operation, error);
    } catch (hookError) {
      this.logger.error(
        { err: hookError, operationId: operation.operationId },
        'could not prepare the failure writes',
      );
      return undefined;
    }
  }

  private async afterFailure(operation: Operation, error: OperationError): Promise<void> {
    const handler = this.handlers.get(operation.dispatch?.message.messageType ?? operation.type);
    try {
      await handler?.onFailed?.(operation, error);
    } catch (hookError) {
      this.logger.error(
        { err: hookError, operationId: operation.operationId },
        'could not record the failure on the operation resource',
      );
    }
    await this.publish(operation, 'operation.failed', { status: 'FAILED', error });
  }

  private publish(
    operation: Operation,
    type: 'operation.completed' | 'operation.failed',
    data: Record<string, unknown>,
  ): Promise<void> {
    return publishOperationEvent(this.events, this.logger, operation, type, data);
  }
}
