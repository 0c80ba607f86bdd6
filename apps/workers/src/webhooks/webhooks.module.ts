import { Module } from '@nestjs/common';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { WebhookDao, WebhookDeliveryDao } from '@bbws/data-access-operations';
import { CLOCK, DYNAMO_CONTEXT } from '@bbws/platform-bootstrap';
import { MessageProducer } from '@bbws/platform-sqs';
import type { Clock } from '@bbws/shared-util';
import type { WorkersConfig } from '../config/workers.config';
import { WORKERS_CONFIG } from '../workers.tokens';
import { WebhookDispatchService } from './webhook-dispatch.service';
import { WebhooksConsumer } from './webhooks.consumer';

/** `bbws-webhooks`: event fan-out and signed deliveries. */
@Module({
  providers: [
    { provide: WebhookDao, useFactory: (db: DynamoContext) => new WebhookDao(db), inject: [DYNAMO_CONTEXT] },
    {
      provide: WebhookDeliveryDao,
      useFactory: (db: DynamoContext, config: WorkersConfig) =>
        new WebhookDeliveryDao(db, { retentionDays: config.workers.webhooks.deliveryRetentionDays }),
      inject: [DYNAMO_CONTEXT, WORKERS_CONFIG],
    },
    {
      provide: WebhooksConsumer,
      useFactory: (
        webhooks: WebhookDao,
        deliveries: WebhookDeliveryDao,
        producer: MessageProducer,
        clock: Clock,
        config: WorkersConfig,
      ) =>
        new WebhooksConsumer(
          new WebhookDispatchService(webhooks, deliveries, producer, clock, config.workers.webhooks),
        ),
      inject: [WebhookDao, WebhookDeliveryDao, MessageProducer, CLOCK, WORKERS_CONFIG],
    },
  ],
  exports: [WebhooksConsumer],
})
export class WebhooksModule {}
