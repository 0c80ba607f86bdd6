import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Envelope, QueueKey } from '@bbws/shared-contracts';
import type { QueueDirectory } from './queue-directory';

/** Sends validated envelopes to a queue by logical key, with the type and correlation id as attributes. */
export class MessageProducer {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queues: QueueDirectory,
  ) {}

  async send(queue: QueueKey, envelope: Envelope, options: { delaySeconds?: number } = {}): Promise<string> {
    const { MessageId } = await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: await this.queues.url(queue),
        MessageBody: JSON.stringify(envelope),
        DelaySeconds: options.delaySeconds,
        MessageAttributes: {
          messageType: { DataType: 'String', StringValue: envelope.messageType },
          correlationId: { DataType: 'String', StringValue: envelope.correlationId },
        },
      }),
    );
    return MessageId ?? '';
  }
}
