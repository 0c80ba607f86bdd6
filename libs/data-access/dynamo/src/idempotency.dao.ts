import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { epochSeconds } from '@bbws/shared-util';
import type { DynamoContext } from './dynamo-context';
import type { TableKey } from './table-definitions';

export interface StoredResponse {
  status: number;
  body: unknown;
  headers: Record<string, string>;
}

export type IdempotencyRecord =
  | { state: 'IN_PROGRESS'; fingerprint: string; lockedUntil: number }
  | { state: 'COMPLETED'; fingerprint: string; response: StoredResponse };

const RETENTION_SECONDS = 24 * 3600;
const LOCK_SECONDS = 60;

/** Idempotency records (`IDEMPOTENCY#{scope}#{key}`), kept 24 h in the owning service's table. */
export class IdempotencyDao {
  constructor(
    private readonly db: DynamoContext,
    private readonly table: TableKey,
  ) {}

  /** Claims the key; returns null when claimed, or the existing record when someone already did. */
  async begin(scope: string, key: string, fingerprint: string): Promise<IdempotencyRecord | null> {
    const now = epochSeconds(this.db.clock.now());
    try {
      await this.db.client.send(
        new PutCommand({
          TableName: this.db.tables[this.table],
          Item: {
            ...this.key(scope, key),
            entityType: 'IDEMPOTENCY_RECORD',
            schemaVersion: 1,
            state: 'IN_PROGRESS',
            fingerprint,
            lockedUntil: now + LOCK_SECONDS,
            createdAt: new Date(now * 1000).toISOString(),
            updatedAt: new Date(now * 1000).toISOString(),
            ttl: now + RETENTION_SECONDS,
          },
          // A crashed request's claim can be taken over once its lock lapsed.
          ConditionExpression: 'attribute_not_exists(PK) OR (#state = :inProgress AND lockedUntil < :now) OR #ttl < :now',
          ExpressionAttributeNames: { '#state': 'state', '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS', ':now': now },
        }),
      );
      return null;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item } = await this.db.client.send(
      new GetCommand({ TableName: this.db.tables[this.table], Key: this.key(scope, key), ConsistentRead: true }),
    );
    if (!Item) return this.begin(scope, key, fingerprint);
    return Item.state === 'COMPLETED'
      ? { state: 'COMPLETED', fingerprint: Item.fingerprint as string, response: Item.response as StoredResponse }
      : { state: 'IN_PROGRESS', fingerprint: Item.fingerprint as string, lockedUntil: Item.lockedUntil as number };
  }

  async complete(scope: string, key: string, response: StoredResponse): Promise<void> {
    await this.db.client.send(
      new UpdateCommand({
        TableName: this.db.tables[this.table],
        Key: this.key(scope, key),
        UpdateExpression: 'SET #state = :completed, #response = :response, updatedAt = :now REMOVE lockedUntil',
        ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
        ExpressionAttributeValues: { ':completed': 'COMPLETED', ':response': response, ':now': this.db.clock.now().toISOString() },
      }),
    );
  }

  /** Forgets a claim whose request failed, so the client may retry with the same key. */
  async release(scope: string, key: string): Promise<void> {
    await this.db.client.send(new DeleteCommand({ TableName: this.db.tables[this.table], Key: this.key(scope, key) }));
  }

  private key(scope: string, key: string) {
    return { PK: `IDEMPOTENCY#${scope}#${key}`, SK: 'RECORD' };
  }
}
