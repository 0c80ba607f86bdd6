export { OperationDao } from './operation.dao';
export type { OperationDaoOptions } from './operation-writes';
export type { OperationListFilter } from './operation-read.dao';
export type { ClaimExpectation, ProgressUpdate } from './operation-run.dao';
export type { OperationItem, OperationLockItem } from './operation.item';
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
