import type { MessageContract } from './message-contract';
import { INSTANCE_MESSAGES } from './instance-operations.message';
import type { QueueKey } from './queue-definitions';
import { SITE_MESSAGES } from './site-operations.message';
import { TENANT_MESSAGES } from './tenant-events.message';
import { WEBHOOK_MESSAGES } from './webhook.message';

/** Every message type of the platform, by name. */
export const MESSAGES = { ...SITE_MESSAGES, ...INSTANCE_MESSAGES, ...TENANT_MESSAGES, ...WEBHOOK_MESSAGES };

export type MessageType = keyof typeof MESSAGES;

export const MESSAGE_TYPES = Object.keys(MESSAGES) as MessageType[];

export function contractsForQueue(queue: QueueKey): MessageContract[] {
  return Object.values(MESSAGES).filter((contract) => contract.queue === queue) as MessageContract[];
}
