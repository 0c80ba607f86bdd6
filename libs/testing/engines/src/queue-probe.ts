import {
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  type Message,
  type SQSClient,
} from '@aws-sdk/client-sqs';

export type { Message as SqsMessage };

export interface ReceiveOptions {
  max?: number;
  waitSeconds?: number;
  /** Hide the received messages for this long (0: visible again at once, counting a receive). */
  visibilityTimeout?: number;
}

/** Raw queue access for tests: what a queue holds, bodies no producer would send, messages taken away. */
export class QueueProbe {
  constructor(private readonly sqs: SQSClient) {}

  /** Messages in the queue, visible or in flight. */
  async depth(queueUrl: string): Promise<number> {
    const { Attributes: attributes } = await this.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(attributes?.ApproximateNumberOfMessages ?? 0) +
      Number(attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
    );
  }

  async receive(queueUrl: string, options: ReceiveOptions = {}): Promise<Message[]> {
    const { Messages: messages } = await this.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: options.max ?? 1,
        WaitTimeSeconds: options.waitSeconds ?? 1,
        VisibilityTimeout: options.visibilityTimeout,
        MessageAttributeNames: ['All'],
      }),
    );
    return messages ?? [];
  }

  /** Receives and deletes one message (e.g. a send that "never happened"). */
  async take(queueUrl: string): Promise<Message> {
    const [message] = await this.receive(queueUrl, { waitSeconds: 2 });
    if (!message) throw new Error(`no message on ${queueUrl}`);
    await this.sqs.send(
      new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
    );
    return message;
  }

  /** Receives and deletes every message until a receive comes back empty (10 at a time, waiting 1 s). */
  async drain(queueUrl: string): Promise<Message[]> {
    const drained: Message[] = [];
    for (;;) {
      const messages = await this.receive(queueUrl, { max: 10, waitSeconds: 1 });
      if (messages.length === 0) return drained;
      for (const message of messages) {
        drained.push(message);
        await this.sqs.send(
          new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }),
        );
      }
    }
  }

  /** Sends a body as is (malformed or forged messages). */
  async sendRaw(queueUrl: string, body: string): Promise<void> {
    await this.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
  }
}
