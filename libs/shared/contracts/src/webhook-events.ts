/** Events delivered to webhook subscriptions (API.md § Operations and events). */
export const WEBHOOK_EVENT_TYPES = [
  'operation.completed',
  'operation.failed',
  'site.created',
  'site.deleted',
  'instance.active',
  'instance.failed',
  'tenant.status_changed',
  'invitation.accepted',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** The JSON body a receiver gets; `data` never carries secrets or invitation tokens. */
export interface WebhookEventBody {
  id: string;
  type: WebhookEventType;
  occurredAt: string;
  tenantId: string;
  data: Record<string, unknown>;
}
