export { buildWebhook, buildWebhookDelivery } from './webhook.factories';
