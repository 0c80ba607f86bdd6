import type { EventPublisher } from '@bbws/platform-sqs';
import type { Operation } from '@bbws/shared-contracts';
import type { Logger } from '@bbws/shared-logging';

/** `operation.completed` / `operation.failed` for webhooks; a lost notification is logged, never retried. */
export async function publishOperationEvent(
  events: EventPublisher | null,
  logger: Logger,
  operation: Operation,
  type: 'operation.completed' | 'operation.failed',
  data: Record<string, unknown>,
): Promise<void> {
  if (!events) return;
  try {
    await events.publish({
      tenantId: operation.tenantId,
      type,
      correlationId: operation.dispatch?.message.correlationId ?? operation.operationId,
      data: {
        operationId: operation.operationId,
        type: operation.type,
        resourceType: operation.resourceType,
        resourceId: operation.resourceId,
        ...data,
      },
    });
  } catch (error) {
    // The operation's state is what matters; a lost notification is not worth redoing the work.
    logger.warn(
      { err: error, operationId: operation.operationId, type },
      'could not publish the operation event',
    );
  }
}
