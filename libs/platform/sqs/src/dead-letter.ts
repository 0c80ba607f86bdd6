import {
  DeleteMessageCommand,
  SendMessageCommand,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { QueueInfo } from './queue-directory';

export const DEAD_LETTER_REASON_ATTRIBUTE = 'bbws-dead-letter-reason';
export const SOURCE_QUEUE_ATTRIBUTE = 'bbws-source-queue';

/**
 * Moves a message to its queue's DLQ now (instead of after the remaining receives), with the reason
 * and the source queue's ARN as attributes so `npm run dlq` can show and redrive it. A queue without
 * a DLQ just drops it (the caller logged it).
 */
export async function moveToDeadLetter(
  sqs: SQSClient,
  queue: QueueInfo,
  message: Message,
  reason: string,
): Promise<void> {
  if (queue.deadLetterUrl) {
    const attributes: Record<string, MessageAttributeValue> = {
      ...(message.MessageAttributes ?? {}),
      [DEAD_LETTER_REASON_ATTRIBUTE]: { DataType: 'String', StringValue: reason.slice(0, 1000) },
      [SOURCE_QUEUE_ATTRIBUTE]: { DataType: 'String', StringValue: queue.arn },
    };
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queue.deadLetterUrl,
        MessageBody: message.Body ?? '',
        MessageAttributes: attributes,
      }),
    );
  }
  await sqs.send(new DeleteMessageCommand({ QueueUrl: queue.url, ReceiptHandle: message.ReceiptHandle }));
}
