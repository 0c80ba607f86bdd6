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
  /** The type of the operation an `operation` message runs, when it is not the message type. */
  operationType?(payload: P): string;
}

/** The operation type a message of `contract` with `payload` runs (the message type unless the contract says). */
export function operationTypeOf<P extends object>(contract: MessageContract<P>, payload: P): string {
  return contract.operationType?.(payload) ?? contract.messageType;
}

export function defineMessage<P extends object>(
  contract: Omit<MessageContract<P>, 'tenantScoped'> & { tenantScoped?: boolean },
): MessageContract<P> {
  return { tenantScoped: true, ...contract };
}
