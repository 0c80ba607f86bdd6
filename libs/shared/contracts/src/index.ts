export {
  QUEUE_DEFINITIONS,
  queueDefinition,
  queueName,
  type QueueDefinition,
  type QueueKey,
} from './queue-definitions';
export { MessageEnvelope, type Envelope } from './message-envelope';
export { defineMessage, operationTypeOf, type MessageContract, type MessageKind } from './message-contract';
export { MESSAGES, MESSAGE_TYPES, contractsForQueue, type MessageType } from './message-catalog';
export {
  MalformedMessageError,
  UnsupportedSchemaVersionError,
  parseMessage,
  type ParsedMessage,
} from './parse-message';
export { buildMessage, type MessageFields } from './build-message';
export {
  HOSTING_ENVIRONMENTS,
  BackupPayload,
  PluginInstallationPayload,
  PluginUninstallationPayload,
  PluginUpdatePayload,
  RestorePayload,
  SiteClonePayload,
  SiteCreationPayload,
  SiteDeletionPayload,
  SitePromotionPayload,
  SiteStatusChangePayload,
  SiteUpdatePayload,
  TemplateApplicationPayload,
  type HostingEnvironment,
} from './site-operations.message';
export {
  InstanceDeprovisionPayload,
  InstanceLifecyclePayload,
  InstanceProvisionPayload,
  InstanceScalePayload,
  InstanceUpdatePayload,
  RuntimeEventPayload,
} from './instance-operations.message';
export {
  InstanceStateEventPayload,
  TENANT_LIFECYCLE_ACTIONS,
  TenantLifecycleRequestedPayload,
  type TenantLifecycleAction,
  type TenantStatusAction,
} from './tenant-events.message';
export { WebhookDeliveryPayload, WebhookEventPayload } from './webhook.message';
export { WEBHOOK_EVENT_TYPES, type WebhookEventBody, type WebhookEventType } from './webhook-events';
export {
  DELIVERY_HEADER,
  EVENT_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  signWebhook,
  verifyWebhookSignature,
} from './webhook-signature';
export {
  LeaseLostError,
  OPERATION_STATUSES,
  TERMINAL_OPERATION_STATUSES,
  isTerminalStatus,
  type Operation,
  type OperationDispatch,
  type OperationError,
  type OperationStatus,
  type OperationStep,
  type StepStatus,
} from './operation.contract';
export {
  OPERATION_CANCELLERS,
  cancellersForType,
  cancellersOf,
  type OperationCancellers,
} from './operation-cancel.policy';
export type { ClaimResult } from './operation-claim';
export { ResourceLockedError } from './resource-locked.error';
export { TENANT_ROLES, type TenantRole } from './tenant-role';
