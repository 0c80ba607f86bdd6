import type { Operation, OperationError } from '@bbws/shared-contracts';
import type { Logger } from '@bbws/shared-logging';
import type { Clock } from '@bbws/shared-util';
import type { EventPublisher, MessageProducer } from '@bbws/platform-sqs';
import type { OperationSweepStore } from './operation-store.port';

export interface OperationSweeperOptions {
  /** A PENDING operation whose message was not sent (or not taken) for this long gets it again. */
  resendAfterMs: number;
  /** Operations looked at per status and sweep. */
  batchLimit: number;
}

export interface SweepResult {
  resent: string[];
  timedOut: string[];
}

const TIMED_OUT: OperationError = {
  code: 'OPERATION_TIMED_OUT',
  message: 'The operation did not finish before its deadline',
  retryable: false,
};

/**
 * Recovers what a crash can leave behind: an operation committed but whose message was never sent
 * (crash between commit and send), one whose worker died and whose message is gone, and operations
 * stuck past their deadline (failed, releasing their lock). Re-sending is safe: consumers claim
 * operations, so a duplicate message finds the operation busy or finished.
 */
export class OperationSweeper {
  constructor(
    private readonly store: OperationSweepStore,
    private readonly producer: MessageProducer,
    private readonly events: EventPublisher | null,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly options: OperationSweeperOptions,
  ) {}

  async sweepOnce(): Promise<SweepResult> {
    const now = this.clock.now();
    const threshold = new Date(now.getTime() - this.options.resendAfterMs).toISOString();
    const result: SweepResult = { resent: [], timedOut: [] };
    for (const status of ['PENDING', 'IN_PROGRESS'] as const) {
      const stale = await this.store.listStale(status, new Date(threshold), this.options.batchLimit);
      for (const operation of stale) {
        if (operation.deadlineAt < now.toISOString()) {
          if (await this.store.fail(operation, null, { error: TIMED_OUT })) {
            result.timedOut.push(operation.operationId);
            await this.notifyFailed(operation);
          }
        } else if (this.needsResend(operation, threshold)) {
          await this.resend(operation);
          result.resent.push(operation.operationId);
        }
      }
    }
    if (result.resent.length || result.timedOut.length) this.logger.info(result, 'operations swept');
    return result;
  }

  private needsResend(operation: Operation, threshold: string): boolean {
    const quiet = !operation.sentAt || operation.sentAt < threshold;
    if (operation.status === 'PENDING') return quiet;
    return quiet && operation.lease !== null && operation.lease.expiresAt < threshold;
  }

  private async resend(operation: Operation): Promise<void> {
    if (!operation.dispatch) {
      this.logger.warn(
        { operationId: operation.operationId },
        'stale operation has no stored message to send again',
      );
      return;
    }
    await this.producer.send(operation.dispatch.queue, operation.dispatch.message);
    await this.store.recordSend(operation.operationId);
  }

  private async notifyFailed(operation: Operation): Promise<void> {
    try {
      await this.events?.publish({
        tenantId: operation.tenantId,
        type: 'operation.failed',
        correlationId: operation.dispatch?.message.correlationId ?? operation.operationId,
        data: {
          operationId: operation.operationId,
          type: operation.type,
          resourceType: operation.resourceType,
          resourceId: operation.resourceId,
          status: 'FAILED',
          error: TIMED_OUT,
        },
      });
    } catch (error) {
      this.logger.warn(
        { err: error, operationId: operation.operationId },
        'could not publish the operation event',
      );
    }
  }
}
