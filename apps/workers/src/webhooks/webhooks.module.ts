import { Module } from '@nestjs/common';
import { WebhookDao, WebhookDeliveryDao } from '@bbws/data-access-operations';
import { CLOCK, DYNAMO_CONTEXT, provideClass, provideFactory } from '@bbws/platform-bootstrap';
import { MessageProducer } from '@bbws/platform-sqs';
import { WORKERS_CONFIG } from '../workers.tokens';
import { WebhookDispatchService } from './webhook-dispatch.service';
import { WebhooksConsumer } from './webhooks.consumer';

/** `bbws-webhooks`: event fan-out and signed deliveries. */
@Module({
  providers: [
    provideClass(WebhookDao, [DYNAMO_CONTEXT]),
    provideFactory(
      WebhookDeliveryDao,
      [DYNAMO_CONTEXT, WORKERS_CONFIG],
      (db, config) =>
        new WebhookDeliveryDao(db, { retentionDays: config.workers.webhooks.deliveryRetentionDays }),
    ),
    provideFactory(
      WebhookDispatchService,
      [WebhookDao, WebhookDeliveryDao, MessageProducer, CLOCK, WORKERS_CONFIG],
      (webhooks, deliveries, producer, clock, config) =>
        new WebhookDispatchService(webhooks, deliveries, producer, clock, config.workers.webhooks),
    ),
    provideClass(WebhooksConsumer, [WebhookDispatchService]),
  ],
  exports: [WebhooksConsumer],
})
export class WebhooksModule {}
