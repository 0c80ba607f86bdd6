import type { SQSClient } from '@aws-sdk/client-sqs';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { CLOCK, PLATFORM_CONFIG, type PlatformConfig } from '@bbws/platform-bootstrap';
import type { Clock } from '@bbws/shared-util';
import { EventPublisher } from './event-publisher';
import { MessageProducer } from './message-producer';
import { QueueDirectory } from './queue-directory';
import { createSqsClient } from './sqs-client.factory';

export const SQS_CLIENT = Symbol('SQS_CLIENT');

/** SQS for API apps that start operations or publish events: client, queue directory, producer. */
@Module({
  providers: [
    {
      provide: SQS_CLIENT,
      useFactory: (config: PlatformConfig) =>
        createSqsClient({ region: config.region, endpoint: config.sqsEndpoint }),
      inject: [PLATFORM_CONFIG],
    },
    {
      provide: QueueDirectory,
      useFactory: (sqs: SQSClient, config: PlatformConfig) => new QueueDirectory(sqs, config.stage),
      inject: [SQS_CLIENT, PLATFORM_CONFIG],
    },
    {
      provide: MessageProducer,
      useFactory: (sqs: SQSClient, queues: QueueDirectory) => new MessageProducer(sqs, queues),
      inject: [SQS_CLIENT, QueueDirectory],
    },
    {
      provide: EventPublisher,
      useFactory: (producer: MessageProducer, clock: Clock) => new EventPublisher(producer, clock),
      inject: [MessageProducer, CLOCK],
    },
  ],
  exports: [SQS_CLIENT, QueueDirectory, MessageProducer, EventPublisher],
})
export class ProducerModule implements OnApplicationShutdown {
  constructor(@Inject(SQS_CLIENT) private readonly sqs: SQSClient) {}

  onApplicationShutdown(): void {
    this.sqs.destroy();
  }
}
