import { GetQueueUrlCommand, SQSClient } from '@aws-sdk/client-sqs';
import { queueName, type QueueKey } from '@bbws/shared-contracts';
import type { PlatformConfig } from './platform-config';
import type { ReadinessCheck } from './tokens';

/** `/ready` checks of the queues an app sends to or consumes: each must resolve (GetQueueUrl, one cheap call). */
export class QueueReadiness {
  readonly checks: ReadinessCheck[];
  private readonly sqs: SQSClient | null;

  constructor(config: PlatformConfig, keys: readonly QueueKey[]) {
    this.sqs = keys.length ? createClient(config) : null;
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

function createClient(config: PlatformConfig): SQSClient {
  return new SQSClient({
    region: config.region,
    ...(config.sqsEndpoint
      ? { endpoint: config.sqsEndpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
  });
}
