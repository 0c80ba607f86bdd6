import type { MessageContract } from './message-contract';
import type { Envelope } from './message-envelope';
import { parseMessage } from './parse-message';

export interface MessageFields<P extends object> {
  operationId?: string | null;
  tenantId: string | null;
  resourceId?: string | null;
  correlationId: string;
  /** Defaults to the operation id (consumers dedupe operations by it). */
  idempotencyKey?: string;
  payload: P;
}

/**
 * Builds a message of one type and checks it against its own contract, so a producer bug fails at
 * the producer instead of poisoning a queue.
 */
export function buildMessage<P extends object>(
  contract: MessageContract<P>,
  fields: MessageFields<P>,
  now: Date,
): Envelope<P> {
  const operationId = fields.operationId ?? null;
  const idempotencyKey = fields.idempotencyKey ?? operationId;
  if (!idempotencyKey)
    throw new Error(`${contract.messageType}: an idempotencyKey is needed when there is no operationId`);
  const envelope: Envelope<P> = {
    messageType: contract.messageType,
    schemaVersion: contract.schemaVersion,
    operationId,
    tenantId: fields.tenantId,
    resourceId: fields.resourceId ?? null,
    correlationId: fields.correlationId,
    idempotencyKey,
    issuedAt: now.toISOString(),
    payload: { ...fields.payload },
  };
  parseMessage(JSON.stringify(envelope), [contract as MessageContract]);
  return envelope;
}
