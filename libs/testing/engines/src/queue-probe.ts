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
    const { Attributes } = await this.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return (
      Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
      Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
    );
  }

  async receive(queueUrl: string, options: ReceiveOptions = {}): Promise<Message[]> {
    const { Messages } = await this.sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: options.max ?? 1,
        WaitTimeSeconds: options.waitSeconds ?? 1,
        VisibilityTimeout: options.visibilityTimeout,
        MessageAttributeNames: ['All'],
      }),
    );
    return Messages ?? [];
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

  /** Sends a body as is (malformed or forged messages). */
  async sendRaw(queueUrl: string, body: string): Promise<void> {
    await this.sqs.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: body }));
  }
}
