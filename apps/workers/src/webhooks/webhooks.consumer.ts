import type { HandlerOutcome, MessageContext, QueueHandler } from '@bbws/platform-sqs';
import {
  MESSAGES,
  type Envelope,
  type MessageContract,
  type ParsedMessage,
  type WebhookDeliveryPayload,
  type WebhookEventPayload,
} from '@bbws/shared-contracts';
import type { WebhookDispatchService } from './webhook-dispatch.service';

/** `bbws-webhooks`: WEBHOOK_EVENT (fan-out to subscriptions) and WEBHOOK_DELIVERY (one signed POST). */
export class WebhooksConsumer implements QueueHandler {
  readonly name = 'webhooks';
  readonly contracts: readonly MessageContract[] = [
    MESSAGES.WEBHOOK_EVENT,
    MESSAGES.WEBHOOK_DELIVERY,
  ] as MessageContract[];

  constructor(private readonly dispatch: WebhookDispatchService) {}

  async handle(message: ParsedMessage, context: MessageContext): Promise<HandlerOutcome> {
    if (message.contract.messageType === MESSAGES.WEBHOOK_EVENT.messageType) {
      await this.dispatch.fanOut(message.envelope as Envelope<WebhookEventPayload>);
      return { action: 'ack' };
    }
    return this.dispatch.deliver(message.envelope as Envelope<WebhookDeliveryPayload>, context);
  }
}
