import type { QueueKey } from './queue-definitions';

export type MessageKind = 'operation' | 'event';

/** One message type: its payload class (class-validator rules), current schema version and queue. */
export interface MessageContract<P extends object = object> {
  messageType: string;
  /** The newest payload version this code reads and writes; older versions are read as this one. */
  schemaVersion: number;
  queue: QueueKey;
  /** `operation` messages drive an operation record (operationId required); `event` messages do not. */
  kind: MessageKind;
  /** Platform-wide events (runtime events from ECS) are not tied to a tenant. */
  tenantScoped: boolean;
  payload: new () => P;
}

export function defineMessage<P extends object>(
  contract: Omit<MessageContract<P>, 'tenantScoped'> & { tenantScoped?: boolean },
): MessageContract<P> {
  return { tenantScoped: true, ...contract };
}
