export {
  OperationDao,
  type ClaimResult,
  type ExtraWrites,
  type OperationDaoOptions,
  type OperationListFilter,
  type ProgressUpdate,
} from './operation.dao';
export { operationKeys } from './operation.keys';
export {
  DELIVERY_STATUSES,
  WEBHOOK_STATUSES,
  type DeliveryAttempt,
  type DeliveryStatus,
  type Webhook,
  type WebhookDelivery,
  type WebhookStatus,
} from './webhook.entity';
export { webhookKeys } from './webhook.keys';
export { WebhookDao, type WebhookChanges } from './webhook.dao';
export { WebhookDeliveryDao, type WebhookDeliveryDaoOptions } from './webhook-delivery.dao';
export { ResourceLockReader, type ResourceLock } from './resource-lock.reader';
