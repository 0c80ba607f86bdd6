export {
  assertWebhookTarget,
  guardedLookup,
  isForbiddenAddress,
  type WebhookTargetPolicy,
} from './webhook-target.guard';
export { sendWebhook, type WebhookRequest, type WebhookResponse } from './webhook-http.sender';
