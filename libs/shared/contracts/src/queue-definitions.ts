/** Logical queue names (ARCHITECTURE.md § Async flows); physical names get the stage as suffix. */
export type QueueKey =
  | 'site-creation'
  | 'site-update'
  | 'site-deletion'
  | 'site-operations-dlq'
  | 'instance-provision'
  | 'instance-lifecycle'
  | 'instance-deprovision'
  | 'instance-events'
  | 'instance-dlq'
  | 'tenant-events'
  | 'webhooks'
  | 'webhooks-dlq';

export interface QueueDefinition {
  key: QueueKey;
  baseName: string;
  visibilityTimeoutSeconds: number;
  /** Set on work queues: messages move to this DLQ after `maxReceiveCount` receives. */
  deadLetter?: { queue: QueueKey; maxReceiveCount: number };
  messageRetentionSeconds: number;
}

const FOUR_DAYS = 4 * 24 * 3600;
const FOURTEEN_DAYS = 14 * 24 * 3600;

export const QUEUE_DEFINITIONS: readonly QueueDefinition[] = [
  {
    key: 'site-operations-dlq',
    baseName: 'bbws-wp-site-operations-dlq',
    visibilityTimeoutSeconds: 30,
    messageRetentionSeconds: FOURTEEN_DAYS,
  },
  {
    key: 'instance-dlq',
    baseName: 'bbws-instance-dlq',
    visibilityTimeoutSeconds: 30,
    messageRetentionSeconds: FOURTEEN_DAYS,
  },
  {
    key: 'site-creation',
    baseName: 'bbws-wp-site-creation',
    visibilityTimeoutSeconds: 900,
    deadLetter: { queue: 'site-operations-dlq', maxReceiveCount: 3 },
    messageRetentionSeconds: FOUR_DAYS,
  },
  {
    key: 'site-update',
    baseName: 'bbws-wp-site-update',
    visibilityTimeoutSeconds: 600,
    deadLetter: { queue: 'site-operations-dlq', maxReceiveCount: 3 },
    messageRetentionSeconds: FOUR_DAYS,
  },
  {
    key: 'site-deletion',
    baseName: 'bbws-wp-site-deletion',
    visibilityTimeoutSeconds: 600,
    deadLetter: { queue: 'site-operations-dlq', maxReceiveCount: 3 },
    messageRetentionSeconds: FOUR_DAYS,
  },
  {
    key: 'instance-provision',
    baseName: 'bbws-instance-provision',
    visibilityTimeoutSeconds: 900,
    deadLetter: { queue: 'instance-dlq', maxReceiveCount: 3 },
    messageRetentionSeconds: FOUR_DAYS,
  },
  {
    key: 'instance-lifecycle',
    baseName: 'bbws-instance-lifecycle',
    visibilityTimeoutSeconds: 300,
    deadLetter: { queue: 'instance-dlq', maxReceiveCount: 3 },
    messageRetentionSeconds: FOUR_DAYS,
  },
  {
    key: 'instance-deprovision',
    baseName: 'bbws-instance-deprovision',
    visibilityTimeoutSeconds: 900,
    deadLetter: { queue: 'instance-dlq', maxReceiveCount: 3 },
    messageRetentionSeconds: FOUR_DAYS,
  },
  {
    key: 'instance-events',
    baseName: 'bbws-instance-events',
    visibilityTimeoutSeconds: 60,
    deadLetter: { queue: 'instance-dlq', maxReceiveCount: 5 },
    messageRetentionSeconds: FOUR_DAYS,
  },
  {
    key: 'tenant-events',
    baseName: 'bbws-tenant-events',
    visibilityTimeoutSeconds: 60,
    deadLetter: { queue: 'instance-dlq', maxReceiveCount: 5 },
    messageRetentionSeconds: FOUR_DAYS,
  },
  // Webhook deliveries retry through the message visibility for up to 24 h, so they get many receives.
  {
    key: 'webhooks-dlq',
    baseName: 'bbws-webhooks-dlq',
    visibilityTimeoutSeconds: 30,
    messageRetentionSeconds: FOURTEEN_DAYS,
  },
  {
    key: 'webhooks',
    baseName: 'bbws-webhooks',
    visibilityTimeoutSeconds: 30,
    deadLetter: { queue: 'webhooks-dlq', maxReceiveCount: 25 },
    messageRetentionSeconds: FOUR_DAYS,
  },
];

export function queueDefinition(key: QueueKey): QueueDefinition {
  const definition = QUEUE_DEFINITIONS.find((candidate) => candidate.key === key);
  if (!definition) throw new Error(`Unknown queue ${key}`);
  return definition;
}

export function queueName(key: QueueKey, stage: string): string {
  return `${queueDefinition(key).baseName}-${stage}`;
}
