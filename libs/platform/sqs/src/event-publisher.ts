import { MESSAGES, buildMessage, type WebhookEventType } from '@bbws/shared-contracts';
import { newId, type Clock } from '@bbws/shared-util';
import type { MessageProducer } from './message-producer';

export interface PublishedEvent {
  tenantId: string;
  type: WebhookEventType;
  /** Never secrets nor invitation tokens: this goes to customers' endpoints. */
  data: Record<string, unknown>;
  correlationId: string;
}

/** Publishes a platform event for webhook delivery (the dispatcher fans it out to subscriptions). */
export class EventPublisher {
  constructor(
    private readonly producer: MessageProducer,
    private readonly clock: Clock,
  ) {}

  async publish(event: PublishedEvent): Promise<string> {
    const eventId = newId('evt');
    const now = this.clock.now();
    const message = buildMessage(
      MESSAGES.WEBHOOK_EVENT,
      {
        tenantId: event.tenantId,
        correlationId: event.correlationId,
        idempotencyKey: eventId,
        payload: { eventId, eventType: event.type, occurredAt: now.toISOString(), data: event.data },
      },
      now,
    );
    await this.producer.send('webhooks', message);
    return eventId;
  }
}
