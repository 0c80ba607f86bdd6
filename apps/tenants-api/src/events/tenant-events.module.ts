import { Module } from '@nestjs/common';
import { LOGGER, provideClass } from '@bbws/platform-bootstrap';
import { EventPublisher, ProducerModule } from '@bbws/platform-sqs';
import { TenantEventsPublisher } from './tenant-events.publisher';

/** The tenant's webhook events, published to the `webhooks` queue. */
@Module({
  imports: [ProducerModule],
  providers: [provideClass(TenantEventsPublisher, [EventPublisher, LOGGER])],
  exports: [TenantEventsPublisher],
})
export class TenantEventsModule {}
