import { readItem, type ItemBase, type StoredItem, type VersionedItemBase } from '@bbws/data-access-dynamo';
import type { Webhook, WebhookDelivery } from './webhook.entity';
import { webhookKeys } from './webhook.keys';

type Optional<T, K extends keyof T> = Omit<T, K> & { [P in K]?: T[P] | null };

/** A subscription as stored (fields added later may be missing on older items). */
export interface WebhookItem
  extends
    VersionedItemBase,
    Optional<
      Webhook,
      'events' | 'description' | 'disabledReason' | 'consecutiveFailures' | 'lastDeliveryAt' | 'lastSuccessAt'
    > {
  entityType: 'WEBHOOK';
}

/** One delivery of one event to one subscription, expiring after the retention period. */
export interface DeliveryItem
  extends ItemBase, Optional<WebhookDelivery, 'attempts' | 'nextAttemptAt' | 'completedAt'> {
  entityType: 'WEBHOOK_DELIVERY';
  ttl: number;
}

export function toWebhookItem(webhook: Webhook): WebhookItem {
  return {
    ...webhookKeys.webhook(webhook.tenantId, webhook.webhookId),
    entityType: 'WEBHOOK',
    schemaVersion: 1,
    ...webhook,
  };
}

export function fromWebhookItem(stored: StoredItem): Webhook {
  const item = readItem<WebhookItem>(stored);
  return {
    webhookId: item.webhookId,
    tenantId: item.tenantId,
    url: item.url,
    events: item.events ?? [],
    description: item.description ?? null,
    secret: item.secret,
    status: item.status,
    disabledReason: item.disabledReason ?? null,
    consecutiveFailures: item.consecutiveFailures ?? 0,
    lastDeliveryAt: item.lastDeliveryAt ?? null,
    lastSuccessAt: item.lastSuccessAt ?? null,
    createdAt: item.createdAt,
    createdBy: item.createdBy,
    updatedAt: item.updatedAt,
    updatedBy: item.updatedBy,
    version: item.version,
  };
}

export function toDeliveryItem(delivery: WebhookDelivery, ttl: number): DeliveryItem {
  return {
    ...webhookKeys.delivery(delivery.webhookId, delivery.createdAt, delivery.deliveryId),
    entityType: 'WEBHOOK_DELIVERY',
    schemaVersion: 1,
    updatedAt: delivery.createdAt,
    ttl,
    ...delivery,
  };
}

export function fromDeliveryItem(stored: StoredItem): WebhookDelivery {
  const item = readItem<DeliveryItem>(stored);
  return {
    deliveryId: item.deliveryId,
    webhookId: item.webhookId,
    tenantId: item.tenantId,
    eventId: item.eventId,
    eventType: item.eventType,
    event: item.event,
    status: item.status,
    attempts: item.attempts ?? [],
    nextAttemptAt: item.nextAttemptAt ?? null,
    createdAt: item.createdAt,
    completedAt: item.completedAt ?? null,
  };
}
