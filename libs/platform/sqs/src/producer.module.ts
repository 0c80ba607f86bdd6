import type { SQSClient } from '@aws-sdk/client-sqs';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, PLATFORM_CONFIG, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { token } from '@bbws/shared-util';
import { EventPublisher } from './event-publisher';
import { MessageProducer } from './message-producer';
import { QueueDirectory } from './queue-directory';
import { createSqsClient } from './sqs-client.factory';

export const SQS_CLIENT = token<SQSClient>('SQS_CLIENT');

/** SQS for API apps that start operations or publish events: client, queue directory, producer. */
@Module({
  providers: [
    provideFactory(SQS_CLIENT, [PLATFORM_CONFIG], (config) =>
      createSqsClient({ region: config.region, endpoint: config.sqsEndpoint }),
    ),
    provideFactory(
      QueueDirectory,
      [SQS_CLIENT, PLATFORM_CONFIG],
      (sqs, config) => new QueueDirectory(sqs, config.stage),
    ),
    provideClass(MessageProducer, [SQS_CLIENT, QueueDirectory]),
    provideClass(EventPublisher, [MessageProducer, CLOCK]),
  ],
  exports: [SQS_CLIENT, QueueDirectory, MessageProducer, EventPublisher],
})
export class ProducerModule implements OnApplicationShutdown {
  constructor(@Inject(SQS_CLIENT) private readonly sqs: SQSClient) {}

  onApplicationShutdown(): void {
    this.sqs.destroy();
  }
}
