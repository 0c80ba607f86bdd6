import { randomUUID } from 'node:crypto';
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

/** Either this request now holds the key (under `claimId`), or someone already did. */
export type IdempotencyClaim =
  { claimed: true; claimId: string } | { claimed: false; record: IdempotencyRecord };

const RETENTION_SECONDS = 24 * 3600;
export const DEFAULT_CLAIM_SECONDS = 60;

/**
 * Idempotency records (`IDEMPOTENCY#{scope}#{key}`), kept 24 h in the owning service's table. A claim
 * lasts `claimSeconds` unless its holder extends it; only the holder (its `claimId`) may extend,
 * complete or release it, so a holder that lost its claim cannot overwrite the next one's record.
 */
export class IdempotencyDao {
  constructor(
    private readonly db: DynamoContext,
    private readonly table: TableKey,
    private readonly claimSeconds = DEFAULT_CLAIM_SECONDS,
  ) {}

  async begin(scope: string, key: string, fingerprint: string): Promise<IdempotencyClaim> {
    const now = epochSeconds(this.db.clock.now());
    const claimId = randomUUID();
    try {
      await this.db.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...this.key(scope, key),
            entityType: 'IDEMPOTENCY_RECORD',
            schemaVersion: 2,
            state: 'IN_PROGRESS',
            fingerprint,
            claimId,
            lockedUntil: now + this.claimSeconds,
            createdAt: new Date(now * 1000).toISOString(),
            updatedAt: new Date(now * 1000).toISOString(),
            ttl: now + RETENTION_SECONDS,
          },
          // A claim whose holder stopped extending it (crashed) can be taken over once it lapsed.
          ConditionExpression:
            'attribute_not_exists(PK) OR (#state = :inProgress AND lockedUntil < :now) OR #ttl < :now',
          ExpressionAttributeNames: { '#state': 'state', '#ttl': 'ttl' },
          ExpressionAttributeValues: { ':inProgress': 'IN_PROGRESS', ':now': now },
        }),
      );
      return { claimed: true, claimId };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const { Item } = await this.db.client.send(
      new GetCommand({ TableName: this.tableName, Key: this.key(scope, key), ConsistentRead: true }),
    );
    if (!Item) return this.begin(scope, key, fingerprint);
    const record: IdempotencyRecord =
      Item.state === 'COMPLETED'
        ? {
            state: 'COMPLETED',
            fingerprint: Item.fingerprint as string,
            response: Item.response as StoredResponse,
          }
        : {
            state: 'IN_PROGRESS',
            fingerprint: Item.fingerprint as string,
            lockedUntil: Item.lockedUntil as number,
          };
    return { claimed: false, record };
  }

  /** The holder's heartbeat: the claim lasts another window. False when the claim is no longer this holder's. */
  extend(scope: string, key: string, claimId: string): Promise<boolean> {
    const now = this.db.clock.now();
    return this.ifHolder(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(scope, key),
        UpdateExpression: 'SET lockedUntil = :until, updatedAt = :now',
        ...this.holderCondition(claimId, {
          ':until': epochSeconds(now) + this.claimSeconds,
          ':now': now.toISOString(),
        }),
      }),
    );
  }

  /** Records the response for replays. False (nothing written) when the claim is no longer this holder's. */
  complete(scope: string, key: string, claimId: string, response: StoredResponse): Promise<boolean> {
    return this.ifHolder(
      new UpdateCommand({
        TableName: this.tableName,
        Key: this.key(scope, key),
        UpdateExpression:
          'SET #state = :completed, #response = :response, updatedAt = :now REMOVE lockedUntil',
        ...this.holderCondition(claimId, {
          ':completed': 'COMPLETED',
          ':response': response,
          ':now': this.db.clock.now().toISOString(),
        }),
        ExpressionAttributeNames: { '#state': 'state', '#response': 'response' },
      }),
    );
  }

  /** Forgets a claim whose request failed, so the client may retry with the same key; only the holder's own. */
  release(scope: string, key: string, claimId: string): Promise<boolean> {
    return this.ifHolder(
      new DeleteCommand({
        TableName: this.tableName,
        Key: this.key(scope, key),
        ...this.holderCondition(claimId),
      }),
    );
  }

  private holderCondition(claimId: string, values: Record<string, unknown> = {}) {
    return {
      ConditionExpression: 'claimId = :claimId AND #state = :inProgress',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':claimId': claimId, ':inProgress': 'IN_PROGRESS', ...values },
    };
  }

  private async ifHolder(command: UpdateCommand | DeleteCommand): Promise<boolean> {
    try {
      await this.db.client.send(command as UpdateCommand);
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  private get tableName(): string {
    return this.db.tables[this.table];
  }

  private key(scope: string, key: string) {
    return { PK: `IDEMPOTENCY#${scope}#${key}`, SK: 'RECORD' };
  }
}
