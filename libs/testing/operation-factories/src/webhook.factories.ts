import type { Webhook, WebhookDelivery } from '@bbws/data-access-operations';
import { newId } from '@bbws/shared-util';

export function buildWebhook(overrides: Partial<Webhook> = {}, now = new Date()): Webhook {
  const at = now.toISOString();
  return {
    webhookId: newId('whk'),
    tenantId: newId('tenant'),
    url: 'https://hooks.example.com/x',
    events: ['operation.completed'],
    description: null,
    secret: 'secret-0123456789abcdef',
    status: 'ACTIVE',
    disabledReason: null,
    consecutiveFailures: 0,
    lastDeliveryAt: null,
    lastSuccessAt: null,
    createdAt: at,
    createdBy: 'u',
    updatedAt: at,
    updatedBy: 'u',
    version: 1,
    ...overrides,
  };
}

/** A pending delivery of an `operation.completed` event to `webhook`. */
export function buildWebhookDelivery(
  webhook: Pick<Webhook, 'webhookId' | 'tenantId'>,
  overrides: Partial<WebhookDelivery> = {},
  now = new Date(),
): WebhookDelivery {
  const at = now.toISOString();
  const eventId = newId('evt');
  return {
    deliveryId: newId('dlv'),
    webhookId: webhook.webhookId,
    tenantId: webhook.tenantId,
    eventId,
    eventType: 'operation.completed',
    event: { id: eventId, type: 'operation.completed', occurredAt: at, tenantId: webhook.tenantId, data: {} },
    status: 'PENDING',
    attempts: [],
    nextAttemptAt: at,
    createdAt: at,
    completedAt: null,
    ...overrides,
  };
}
