import type { OperationsSchemas } from '@bbws/sdk';
import type { Column } from '../output/output';

export type Webhook = OperationsSchemas['schemas']['WebhookResponseDto'];
export type WebhookEvent = Webhook['events'][number];

/** One delivery of an event to a webhook (GET …/webhooks/{id}/deliveries items). */
export interface WebhookDelivery {
  deliveryId: string;
  eventType: string;
  status: string;
  attempts: { attempt: number; at: string; statusCode: number | null; error: string | null }[];
  nextAttemptAt: string | null;
  createdAt: string;
}

export const WEBHOOK_COLUMNS: Column<Webhook>[] = [
  { header: 'webhookId', value: (webhook) => webhook.webhookId },
  { header: 'url', value: (webhook) => webhook.url },
  { header: 'events', value: (webhook) => webhook.events.join(', ') },
  { header: 'status', value: (webhook) => webhook.status },
];

export const WEBHOOK_FIELDS: Column<Webhook>[] = [
  ...WEBHOOK_COLUMNS,
  { header: 'tenantId', value: (webhook) => webhook.tenantId },
  { header: 'description', value: (webhook) => webhook.description },
  { header: 'disabledReason', value: (webhook) => webhook.disabledReason },
  { header: 'consecutiveFailures', value: (webhook) => webhook.consecutiveFailures },
  { header: 'lastDeliveryAt', value: (webhook) => webhook.lastDeliveryAt },
  { header: 'lastSuccessAt', value: (webhook) => webhook.lastSuccessAt },
  { header: 'version', value: (webhook) => webhook.version },
];

export const DELIVERY_COLUMNS: Column<WebhookDelivery>[] = [
  { header: 'deliveryId', value: (delivery) => delivery.deliveryId },
  { header: 'eventType', value: (delivery) => delivery.eventType },
  { header: 'status', value: (delivery) => delivery.status },
  { header: 'attempts', value: (delivery) => delivery.attempts.length },
  {
    header: 'lastAnswer',
    value: (delivery) => {
      const last = delivery.attempts[delivery.attempts.length - 1];
      return last ? (last.error ?? last.statusCode) : '';
    },
  },
  { header: 'createdAt', value: (delivery) => delivery.createdAt },
];
