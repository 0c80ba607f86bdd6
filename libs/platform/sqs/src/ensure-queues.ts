import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { QUEUE_DEFINITIONS, queueName, type QueueKey } from '@bbws/shared-contracts';

/** Creates every queue (idempotent; DLQs first so redrive policies can point at them). Returns URLs by key. */
export async function ensureQueues(client: SQSClient, stage: string): Promise<Record<QueueKey, string>> {
  const urls = {} as Record<QueueKey, string>;
  const arns = {} as Record<QueueKey, string>;
  for (const definition of QUEUE_DEFINITIONS) {
    const attributes: Record<string, string> = {
      VisibilityTimeout: String(definition.visibilityTimeoutSeconds),
      MessageRetentionPeriod: String(definition.messageRetentionSeconds),
    };
    if (definition.deadLetter) {
      attributes.RedrivePolicy = JSON.stringify({
        deadLetterTargetArn: arns[definition.deadLetter.queue],
        maxReceiveCount: definition.deadLetter.maxReceiveCount,
      });
    }
    const { QueueUrl } = await client.send(
      new CreateQueueCommand({ QueueName: queueName(definition.key, stage), Attributes: attributes }),
    );
    if (!QueueUrl) throw new Error(`CreateQueue returned no URL for ${definition.key}`);
    urls[definition.key] = QueueUrl;
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }),
    );
    arns[definition.key] = Attributes?.QueueArn ?? '';
  }
  return urls;
}
