import { Module } from '@nestjs/common';
import { LOGGER } from '@bbws/platform-bootstrap';
import { EventPublisher, ProducerModule } from '@bbws/platform-sqs';
import type { Logger } from '@bbws/shared-logging';
import { TenantEventsPublisher } from './tenant-events.publisher';

/** Webhook events to the `webhooks` queue. */
@Module({
  imports: [ProducerModule],
  providers: [
    {
      provide: TenantEventsPublisher,
      useFactory: (events: EventPublisher, logger: Logger) => new TenantEventsPublisher(events, logger),
      inject: [EventPublisher, LOGGER],
    },
  ],
  exports: [TenantEventsPublisher],
})
export class EventsModule {}
