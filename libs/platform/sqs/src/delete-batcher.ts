import { DeleteMessageBatchCommand, type Message, type SQSClient } from '@aws-sdk/client-sqs';
import type { Logger } from '@bbws/shared-logging';
import type { QueueInfo } from './queue-directory';

/** SQS's limit of entries per DeleteMessageBatch. */
const MAX_ENTRIES = 10;

/**
 * Deletes acknowledged messages in DeleteMessageBatch calls: the ones acknowledged within `lingerMs`
 * of each other go together (up to 10). A delete that fails is logged: the message comes back after
 * its visibility timeout, finds its operation finished and is acknowledged again.
 */
export class DeleteBatcher {
  private pending: Message[] = [];
  private timer: NodeJS.Timeout | null = null;
  private readonly sending = new Set<Promise<void>>();

  constructor(
    private readonly sqs: SQSClient,
    private readonly queue: QueueInfo,
    private readonly logger: Logger,
    private readonly lingerMs: number,
  ) {}

  delete(message: Message): void {
    this.pending.push(message);
    if (this.pending.length >= MAX_ENTRIES) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.lingerMs);
  }

  /** Sends what is pending now and waits until every delete has been answered. */
  async drain(): Promise<void> {
    this.flush();
    await Promise.allSettled([...this.sending]);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    while (this.pending.length > 0) {
      const sent = this.send(this.pending.splice(0, MAX_ENTRIES));
      this.sending.add(sent);
      void sent.finally(() => this.sending.delete(sent));
    }
  }

  private async send(batch: Message[]): Promise<void> {
    try {
      const { Failed } = await this.sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: this.queue.url,
          Entries: batch.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle,
          })),
        }),
      );
      for (const failure of Failed ?? [])
        this.logger.warn(
          {
            queue: this.queue.name,
            messageId: batch[Number(failure.Id)]?.MessageId,
            reason: failure.Message,
          },
          'could not delete an acknowledged message; it will be acknowledged again',
        );
    } catch (error) {
      this.logger.warn(
        { err: error, queue: this.queue.name, messageIds: batch.map((message) => message.MessageId) },
        'could not delete acknowledged messages; they will be acknowledged again',
      );
    }
  }
}
