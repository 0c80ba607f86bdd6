import type { Webhook, WebhookDao, WebhookDelivery, WebhookDeliveryDao } from '@bbws/data-access-operations';
import { assertWebhookTarget, sendWebhook, type WebhookResponse } from '@bbws/integrations-webhook-http';
import {
  backoffSeconds,
  type BackoffPolicy,
  type HandlerOutcome,
  type MessageContext,
  type MessageProducer,
} from '@bbws/platform-sqs';
import {
  MESSAGES,
  buildMessage,
  type Envelope,
  type WebhookDeliveryPayload,
  type WebhookEventBody,
  type WebhookEventPayload,
} from '@bbws/shared-contracts';
import { AppError } from '@bbws/shared-errors';
import type { Clock } from '@bbws/shared-util';
import { deliveryIdFor } from './delivery-id';

export interface WebhookDispatchOptions {
  timeoutMs: number;
  retry: BackoffPolicy;
  /** Deliveries are retried until this long after the event (API.md: 24 h). */
  retryWindowSeconds: number;
  disableAfterFailures: number;
  allowLocalTargets: boolean;
}

/**
 * Webhook delivery: an event is fanned out to the tenant's matching subscriptions (one delivery
 * item and one message each), and each delivery is attempted, signed, until it succeeds, its retry
 * window closes, or its subscription is disabled after too many consecutive failures.
 */
export class WebhookDispatchService {
  constructor(
    private readonly webhooks: WebhookDao,
    private readonly deliveries: WebhookDeliveryDao,
    private readonly producer: MessageProducer,
    private readonly clock: Clock,
    private readonly options: WebhookDispatchOptions,
  ) {}

  async fanOut(envelope: Envelope<WebhookEventPayload>): Promise<void> {
    const tenantId = envelope.tenantId as string;
    const { eventId, eventType, occurredAt, data } = envelope.payload;
    const subscriptions = (await this.webhooks.listAllByTenant(tenantId)).filter(
      (webhook) => webhook.status === 'ACTIVE' && webhook.events.includes(eventType),
    );
    const event: WebhookEventBody = { id: eventId, type: eventType, occurredAt, tenantId, data };
    for (const webhook of subscriptions) {
      const delivery: WebhookDelivery = {
        deliveryId: deliveryIdFor(eventId, webhook.webhookId),
        webhookId: webhook.webhookId,
        tenantId,
        eventId,
        eventType,
        event,
        status: 'PENDING',
        attempts: [],
        nextAttemptAt: this.clock.now().toISOString(),
        createdAt: occurredAt,
        completedAt: null,
      };
      if (!(await this.deliveries.createIfAbsent(delivery))) {
        const existing = await this.deliveries.get(webhook.webhookId, occurredAt, delivery.deliveryId);
        // Sent already unless a crash came between storing it and sending its message.
        if (!existing || existing.status !== 'PENDING' || existing.attempts.length > 0) continue;
      }
      await this.producer.send(
        'webhooks',
        buildMessage(
          MESSAGES.WEBHOOK_DELIVERY,
          {
            tenantId,
            resourceId: webhook.webhookId,
            correlationId: envelope.correlationId,
            idempotencyKey: delivery.deliveryId,
            payload: { webhookId: webhook.webhookId, deliveryId: delivery.deliveryId, createdAt: occurredAt },
          },
          this.clock.now(),
        ),
      );
    }
  }

  async deliver(
    envelope: Envelope<WebhookDeliveryPayload>,
    context: MessageContext,
  ): Promise<HandlerOutcome> {
    const tenantId = envelope.tenantId as string;
    const { webhookId, deliveryId, createdAt } = envelope.payload;
    const delivery = await this.deliveries.get(webhookId, createdAt, deliveryId);
    if (
      !delivery ||
      delivery.tenantId !== tenantId ||
      delivery.status === 'SUCCEEDED' ||
      delivery.status === 'FAILED'
    ) {
      return { action: 'ack' };
    }
    const webhook = await this.webhooks.get(tenantId, webhookId);
    const now = this.clock.now().toISOString();
    if (!webhook || webhook.status === 'DISABLED') {
      await this.deliveries.abandon(
        delivery,
        now,
        webhook ? 'The subscription is disabled' : 'The subscription was deleted',
      );
      return { action: 'ack' };
    }
    const response = await this.attempt(webhook, delivery);
    const attempt = {
      attempt: delivery.attempts.length + 1,
      at: now,
      statusCode: response.statusCode,
      durationMs: response.durationMs,
      error: response.error,
    };
    if (response.ok) {
      await this.deliveries.recordAttempt(delivery, attempt, { status: 'SUCCEEDED', nextAttemptAt: null });
      await this.webhooks.recordSuccess(tenantId, webhookId, now);
      return { action: 'ack' };
    }
    const { disabled } = await this.webhooks.recordFailure(
      tenantId,
      webhookId,
      now,
      this.options.disableAfterFailures,
    );
    const delaySeconds = backoffSeconds(attempt.attempt, this.options.retry);
    const nextAttempt = Date.parse(now) + delaySeconds * 1000;
    const windowEnds = Date.parse(delivery.createdAt) + this.options.retryWindowSeconds * 1000;
    if (disabled || context.isLastReceive || nextAttempt > windowEnds) {
      await this.deliveries.recordAttempt(delivery, attempt, { status: 'FAILED', nextAttemptAt: null });
      return { action: 'ack' };
    }
    await this.deliveries.recordAttempt(delivery, attempt, {
      status: 'RETRYING',
      nextAttemptAt: new Date(nextAttempt).toISOString(),
    });
    return { action: 'retry', delaySeconds };
  }

  /** The URL is checked again at every attempt: it may have been valid when saved and not now. */
  private async attempt(webhook: Webhook, delivery: WebhookDelivery): Promise<WebhookResponse> {
    const policy = { allowLocalTargets: this.options.allowLocalTargets };
    try {
      await assertWebhookTarget(webhook.url, policy);
    } catch (error) {
      return {
        ok: false,
        statusCode: null,
        durationMs: 0,
        error: error instanceof AppError ? error.message : 'The target URL is not allowed',
      };
    }
    return sendWebhook({
      url: webhook.url,
      secret: webhook.secret,
      body: JSON.stringify(delivery.event),
      eventType: delivery.eventType,
      deliveryId: delivery.deliveryId,
      timestampSeconds: Math.floor(this.clock.now().getTime() / 1000),
      timeoutMs: this.options.timeoutMs,
      policy,
    });
  }
}
