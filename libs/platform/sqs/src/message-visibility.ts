import { ChangeMessageVisibilityCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { Logger } from '@bbws/shared-logging';
import type { QueueInfo } from './queue-directory';

/** Hides a received message for `seconds` (0: visible again now); a failure is logged, not thrown. */
export async function changeVisibility(
  sqs: SQSClient,
  queue: QueueInfo,
  message: Message,
  seconds: number,
  logger: Logger,
): Promise<void> {
  try {
    await sqs.send(
      new ChangeMessageVisibilityCommand({
        QueueUrl: queue.url,
        ReceiptHandle: message.ReceiptHandle,
        VisibilityTimeout: seconds,
      }),
    );
  } catch (error) {
    logger.warn(
      { err: error, queue: queue.name, messageId: message.MessageId },
      'could not change message visibility',
    );
  }
}
