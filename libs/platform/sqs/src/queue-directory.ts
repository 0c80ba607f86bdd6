import { GetQueueAttributesCommand, GetQueueUrlCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { queueName, type QueueKey } from '@bbws/shared-contracts';

/** A queue as it really is (its attributes read from SQS, not assumed from the definitions). */
export interface QueueInfo {
  key: QueueKey;
  name: string;
  url: string;
  arn: string;
  visibilityTimeoutSeconds: number;
  /** From the redrive policy; null for queues without a DLQ. */
  maxReceiveCount: number | null;
  deadLetterUrl: string | null;
}

/** Resolves the stage's queues by logical key, once per process. */
export class QueueDirectory {
  private readonly known = new Map<QueueKey, Promise<QueueInfo>>();

  constructor(
    private readonly sqs: SQSClient,
    private readonly stage: string,
  ) {}

  describe(key: QueueKey): Promise<QueueInfo> {
    let info = this.known.get(key);
    if (!info) {
      info = this.load(key);
      info.catch(() => this.known.delete(key));
      this.known.set(key, info);
    }
    return info;
  }

  async url(key: QueueKey): Promise<string> {
    return (await this.describe(key)).url;
  }

  private async load(key: QueueKey): Promise<QueueInfo> {
    const name = queueName(key, this.stage);
    const { QueueUrl } = await this.sqs.send(new GetQueueUrlCommand({ QueueName: name }));
    if (!QueueUrl) throw new Error(`Queue ${name} has no URL`);
    const { Attributes = {} } = await this.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl,
        AttributeNames: ['QueueArn', 'VisibilityTimeout', 'RedrivePolicy'],
      }),
    );
    const redrive = Attributes.RedrivePolicy
      ? (JSON.parse(Attributes.RedrivePolicy) as {
          deadLetterTargetArn: string;
          maxReceiveCount: number | string;
        })
      : null;
    let deadLetterUrl: string | null = null;
    if (redrive) {
      const dlqName = redrive.deadLetterTargetArn.split(':').pop() ?? '';
      deadLetterUrl = (await this.sqs.send(new GetQueueUrlCommand({ QueueName: dlqName }))).QueueUrl ?? null;
    }
    return {
      key,
      name,
      url: QueueUrl,
      arn: Attributes.QueueArn ?? '',
      visibilityTimeoutSeconds: Number(Attributes.VisibilityTimeout ?? 30),
      maxReceiveCount: redrive ? Number(redrive.maxReceiveCount) : null,
      deadLetterUrl,
    };
  }
}
