import {
  BatchGetCommand,
  GetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';

const BATCH_GET_LIMIT = 100;

export type StoredItem = Record<string, unknown>;

export interface BatchGetOptions {
  /** Strongly consistent reads (the default); eventually consistent ones cost half. */
  consistent?: boolean;
}

/**
 * Reads items by key from one table, 100 keys per call, retrying unprocessed keys. The result is keyed
 * by {@link itemKey}; look items up with the keys asked for to keep their order.
 */
export async function batchGetItems(
  client: DynamoDBDocumentClient,
  table: string,
  keys: ReadonlyArray<Record<string, unknown>>,
  { consistent = true }: BatchGetOptions = {},
): Promise<Map<string, StoredItem>> {
  const found = new Map<string, StoredItem>();
  for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) {
    let pending: StoredItem[] | undefined = keys
      .slice(start, start + BATCH_GET_LIMIT)
      .map((key) => ({ ...key }));
    while (pending && pending.length > 0) {
      const result: BatchGetCommandOutput = await client.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: consistent } } }),
      );
      for (const item of result.Responses?.[table] ?? []) found.set(itemKey(item), item);
      pending = result.UnprocessedKeys?.[table]?.Keys;
    }
  }
  return found;
}

/** The found items in the order of `keys`, missing ones left out. */
export function inKeyOrder(
  keys: ReadonlyArray<Record<string, unknown>>,
  found: ReadonlyMap<string, StoredItem>,
): StoredItem[] {
  return keys.flatMap((key) => {
    const item = found.get(itemKey(key));
    return item ? [item] : [];
  });
}

/** A map key for a table item or key (`PK|SK`). */
export function itemKey(key: { PK?: unknown; SK?: unknown }): string {
  return `${String(key.PK)}|${String(key.SK)}`;
}

/** One item by key (strongly consistent unless `consistent: false`), or null. */
export async function getItem(
  client: DynamoDBDocumentClient,
  table: string,
  key: Record<string, unknown>,
  { consistent = true }: BatchGetOptions = {},
): Promise<StoredItem | null> {
  const { Item } = await client.send(
    new GetCommand({ TableName: table, Key: key, ConsistentRead: consistent }),
  );
  return Item ?? null;
}
