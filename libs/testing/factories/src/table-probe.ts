import {
  BatchWriteCommand,
  QueryCommand,
  UpdateCommand,
  type BatchWriteCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { DynamoContext, ItemKey, TableKey } from '@bbws/data-access-dynamo';

export type StoredAttributes = Record<string, unknown>;

const BATCH_WRITE_LIMIT = 25;

/**
 * Raw table access for tests: items stored as no DAO would (in bulk, without their counters, or
 * belonging to a service not built yet), attributes set directly, and a partition read as stored.
 */
export class TableProbe {
  constructor(private readonly db: DynamoContext) {}

  /** Puts the items as they are, 25 to a BatchWrite, retrying what DynamoDB left unprocessed. */
  async putAll(table: TableKey, items: readonly object[]): Promise<void> {
    const tableName = this.db.tables[table];
    for (let start = 0; start < items.length; start += BATCH_WRITE_LIMIT) {
      let requests: Record<string, unknown>[] | undefined = items
        .slice(start, start + BATCH_WRITE_LIMIT)
        .map((item) => ({ PutRequest: { Item: item } }));
      while (requests && requests.length > 0) {
        const result: BatchWriteCommandOutput = await this.db.client.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
        );
        requests = result.UnprocessedItems?.[tableName];
      }
    }
  }

  /** Sets attributes of one item directly (e.g. a counter the API would take many calls to raise). */
  async set(table: TableKey, key: ItemKey, attributes: StoredAttributes): Promise<void> {
    const names = Object.keys(attributes);
    await this.db.client.send(
      new UpdateCommand({
        TableName: this.db.tables[table],
        Key: key,
        UpdateExpression: `SET ${names.map((_, index) => `#a${index} = :v${index}`).join(', ')}`,
        ExpressionAttributeNames: Object.fromEntries(names.map((name, index) => [`#a${index}`, name])),
        ExpressionAttributeValues: Object.fromEntries(
          names.map((name, index) => [`:v${index}`, attributes[name]]),
        ),
      }),
    );
  }

  /** Every item of one partition, as stored. */
  async partition(table: TableKey, pk: string): Promise<StoredAttributes[]> {
    const items: StoredAttributes[] = [];
    let startKey: StoredAttributes | undefined;
    do {
      const result = await this.db.client.send(
        new QueryCommand({
          TableName: this.db.tables[table],
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(result.Items ?? []));
      startKey = result.LastEvaluatedKey;
    } while (startKey);
    return items;
  }
}
