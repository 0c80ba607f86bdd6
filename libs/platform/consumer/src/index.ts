export { backoffSeconds, MAX_VISIBILITY_SECONDS, type BackoffPolicy } from './backoff';
export { DEAD_LETTER_REASON_ATTRIBUTE, SOURCE_QUEUE_ATTRIBUTE, moveToDeadLetter } from './dead-letter';
export { EventPublisher, type PublishedEvent } from './event-publisher';
export { MessageProducer } from './message-producer';
export { OperationContext, type StepOutput } from './operation-context';
export { OperationLauncher, type LaunchRequest } from './operation-launcher';
export {
  OperationProcessor,
  type OperationHandler,
  type OperationOutcome,
  type OperationProcessorOptions,
} from './operation-processor';
export type {
  ClaimResult,
  ExtraWrites,
  OperationLaunchStore,
  OperationRunStore,
  OperationSweepStore,
} from './operation-store.port';
export { OperationSweeper, type OperationSweeperOptions, type SweepResult } from './operation-sweeper';
export { PeriodicTask } from './periodic-task';
export { ProducerModule, SQS_CLIENT } from './producer.module';
export { QueueConsumer, type QueueConsumerSettings } from './queue-consumer';
export { QueueDirectory, type QueueInfo } from './queue-directory';
export {
  WorkerShutdownError,
  type HandlerOutcome,
  type MessageContext,
  type QueueHandler,
} from './queue-handler';
export { createSqsClient, type SqsConnection } from './sqs-client.factory';
export {
  assertWebhookTarget,
  guardedLookup,
  isForbiddenAddress,
  type WebhookTargetPolicy,
} from './webhook-target.guard';
export { sendWebhook, type WebhookRequest, type WebhookResponse } from './webhook-http.sender';
export { newWorkerId } from './worker-id';
