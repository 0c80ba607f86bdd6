import type { Webhook, WebhookDelivery } from '@bbws/data-access-operations';
import { link, links } from '@bbws/shared-hateoas';
import type { WebhookDeliveryResponseDto, WebhookResponseDto } from './dto/webhook.response.dto';
import { webhookRoutes } from './webhooks.routes';

export function presentWebhook(webhook: Webhook): WebhookResponseDto {
  const { tenantId, webhookId } = webhook;
  return {
    webhookId,
    tenantId,
    url: webhook.url,
    events: webhook.events,
    description: webhook.description,
    status: webhook.status,
    disabledReason: webhook.disabledReason,
    consecutiveFailures: webhook.consecutiveFailures,
    lastDeliveryAt: webhook.lastDeliveryAt,
    lastSuccessAt: webhook.lastSuccessAt,
    createdAt: webhook.createdAt,
    createdBy: webhook.createdBy,
    updatedAt: webhook.updatedAt,
    version: webhook.version,
    _links: links([
      ['self', link(webhookRoutes.webhook(tenantId, webhookId))],
      ['update', link(webhookRoutes.webhook(tenantId, webhookId), 'PATCH')],
      ['delete', link(webhookRoutes.webhook(tenantId, webhookId), 'DELETE')],
      ['deliveries', link(webhookRoutes.deliveries(tenantId, webhookId))],
      ['collection', link(webhookRoutes.collection(tenantId))],
    ]),
  };
}

export function presentDelivery(delivery: WebhookDelivery): WebhookDeliveryResponseDto {
  return {
    deliveryId: delivery.deliveryId,
    webhookId: delivery.webhookId,
    eventId: delivery.eventId,
    eventType: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    nextAttemptAt: delivery.nextAttemptAt,
    createdAt: delivery.createdAt,
    completedAt: delivery.completedAt,
    event: delivery.event,
  };
}
