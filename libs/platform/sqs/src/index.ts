export { backoffSeconds, MAX_VISIBILITY_SECONDS, type BackoffPolicy } from './backoff';
export { DEAD_LETTER_REASON_ATTRIBUTE, SOURCE_QUEUE_ATTRIBUTE, moveToDeadLetter } from './dead-letter';
export { ensureQueues } from './ensure-queues';
export { EventPublisher, type PublishedEvent } from './event-publisher';
export { MessageProducer } from './message-producer';
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
export { QueueReadiness } from './queue-readiness';
export { createSqsClient, type SqsClient, type SqsConnection } from './sqs-client.factory';
export { newWorkerId } from './worker-id';
