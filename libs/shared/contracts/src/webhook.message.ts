import { IsIn, IsISO8601, IsObject, Matches } from 'class-validator';
import { idPattern } from '@bbws/shared-util';
import { defineMessage } from './message-contract';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events';

/** An event happened in a tenant: the dispatcher fans it out to the matching subscriptions. */
export class WebhookEventPayload {
  @Matches(idPattern('evt'))
  eventId!: string;

  @IsIn(WEBHOOK_EVENT_TYPES)
  eventType!: WebhookEventType;

  @IsISO8601({ strict: true })
  occurredAt!: string;

  @IsObject()
  data!: Record<string, unknown>;
}

/** One event to one subscription; the delivery item holds the body, attempts and status. */
export class WebhookDeliveryPayload {
  @Matches(idPattern('whk'))
  webhookId!: string;

  @Matches(idPattern('dlv'))
  deliveryId!: string;

  /** Part of the delivery item's key (`DELIVERY#{createdAt}#{deliveryId}`). */
  @IsISO8601({ strict: true })
  createdAt!: string;
}

export const WEBHOOK_MESSAGES = {
  WEBHOOK_EVENT: defineMessage({
    messageType: 'WEBHOOK_EVENT',
    schemaVersion: 1,
    queue: 'webhooks',
    kind: 'event',
    payload: WebhookEventPayload,
  }),
  WEBHOOK_DELIVERY: defineMessage({
    messageType: 'WEBHOOK_DELIVERY',
    schemaVersion: 1,
    queue: 'webhooks',
    kind: 'event',
    payload: WebhookDeliveryPayload,
  }),
};
