import { GetQueueUrlCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ReadinessCheck, ReadinessProbe } from '@bbws/platform-bootstrap';
import { queueName, type QueueKey } from '@bbws/shared-contracts';
import { createSqsClient } from './sqs-client.factory';

/** `/ready` checks of the queues an app sends to or consumes: each must resolve (GetQueueUrl, one cheap call). */
export class QueueReadiness implements ReadinessProbe {
  readonly checks: ReadinessCheck[];
  private readonly sqs: SQSClient | null;

  constructor(config: { region: string; sqsEndpoint?: string; stage: string }, keys: readonly QueueKey[]) {
    this.sqs = keys.length ? createSqsClient({ region: config.region, endpoint: config.sqsEndpoint }) : null;
    this.checks = keys.map((key) => {
      const name = queueName(key, config.stage);
      return {
        name: `queue:${name}`,
        check: async () => {
          await this.sqs?.send(new GetQueueUrlCommand({ QueueName: name }));
        },
      };
    });
  }

  close(): void {
    this.sqs?.destroy();
  }
}
