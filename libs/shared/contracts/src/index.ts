export { QUEUE_DEFINITIONS, queueName, type QueueDefinition, type QueueKey } from './queue-definitions';
export { ensureQueues } from './ensure-queues';
