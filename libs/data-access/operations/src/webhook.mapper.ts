import type { Webhook, WebhookDelivery } from './webhook.entity';
import { webhookKeys } from './webhook.keys';

export function toWebhookItem(webhook: Webhook): Record<string, unknown> {
  return {
    ...webhookKeys.webhook(webhook.tenantId, webhook.webhookId),
    entityType: 'WEBHOOK',
    schemaVersion: 1,
    ...webhook,
  };
}

export function fromWebhookItem(item: Record<string, unknown>): Webhook {
  return {
    webhookId: item.webhookId as string,
    tenantId: item.tenantId as string,
    url: item.url as string,
    events: (item.events as Webhook['events'] | undefined) ?? [],
    description: (item.description as string | null | undefined) ?? null,
    secret: item.secret as string,
    status: item.status as Webhook['status'],
    disabledReason: (item.disabledReason as string | null | undefined) ?? null,
    consecutiveFailures: (item.consecutiveFailures as number | undefined) ?? 0,
    lastDeliveryAt: (item.lastDeliveryAt as string | null | undefined) ?? null,
    lastSuccessAt: (item.lastSuccessAt as string | null | undefined) ?? null,
    createdAt: item.createdAt as string,
    createdBy: item.createdBy as string,
    updatedAt: item.updatedAt as string,
    updatedBy: item.updatedBy as string,
    version: item.version as number,
  };
}

export function toDeliveryItem(delivery: WebhookDelivery, ttl: number): Record<string, unknown> {
  return {
    ...webhookKeys.delivery(delivery.webhookId, delivery.createdAt, delivery.deliveryId),
    entityType: 'WEBHOOK_DELIVERY',
    schemaVersion: 1,
    updatedAt: delivery.createdAt,
    ttl,
    ...delivery,
  };
}

export function fromDeliveryItem(item: Record<string, unknown>): WebhookDelivery {
  return {
    deliveryId: item.deliveryId as string,
    webhookId: item.webhookId as string,
    tenantId: item.tenantId as string,
    eventId: item.eventId as string,
    eventType: item.eventType as WebhookDelivery['eventType'],
    event: item.event as WebhookDelivery['event'],
    status: item.status as WebhookDelivery['status'],
    attempts: (item.attempts as WebhookDelivery['attempts'] | undefined) ?? [],
    nextAttemptAt: (item.nextAttemptAt as string | null | undefined) ?? null,
    createdAt: item.createdAt as string,
    completedAt: (item.completedAt as string | null | undefined) ?? null,
  };
}
