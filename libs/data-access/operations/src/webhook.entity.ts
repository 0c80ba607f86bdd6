import type { WebhookEventBody, WebhookEventType } from '@bbws/shared-contracts';

export const WEBHOOK_STATUSES = ['ACTIVE', 'DISABLED'] as const;
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

/** A tenant's subscription to events, delivered to `url` and signed with `secret`. */
export interface Webhook {
  webhookId: string;
  tenantId: string;
  url: string;
  events: WebhookEventType[];
  description: string | null;
  /** Write-only: never returned by the API nor logged. */
  secret: string;
  status: WebhookStatus;
  disabledReason: string | null;
  consecutiveFailures: number;
  lastDeliveryAt: string | null;
  lastSuccessAt: string | null;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
  version: number;
}

export const DELIVERY_STATUSES = ['PENDING', 'RETRYING', 'SUCCEEDED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface DeliveryAttempt {
  attempt: number;
  at: string;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/** One event sent (or being sent) to one subscription, with every attempt. */
export interface WebhookDelivery {
  deliveryId: string;
  webhookId: string;
  tenantId: string;
  eventId: string;
  eventType: WebhookEventType;
  event: WebhookEventBody;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  nextAttemptAt: string | null;
  createdAt: string;
  completedAt: string | null;
}
