import { BatchGetCommand, type BatchGetCommandOutput } from '@aws-sdk/lib-dynamodb';
import type { DynamoContext } from '@bbws/data-access-dynamo';

const BATCH_GET_LIMIT = 100;

/** Strongly consistent BatchGet of tenants-table items, 100 keys per call, retrying unprocessed keys. */
export async function batchGetTenantItems(
  db: DynamoContext,
  keys: ReadonlyArray<{ PK: string; SK: string }>,
): Promise<Map<string, Record<string, unknown>>> {
  const table = db.tables.tenants;
  const found = new Map<string, Record<string, unknown>>();
  for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) {
    let pending: Record<string, unknown>[] | undefined = keys
      .slice(start, start + BATCH_GET_LIMIT)
      .map((key) => ({ ...key }));
    while (pending && pending.length > 0) {
      const result: BatchGetCommandOutput = await db.client.send(
        new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of result.Responses?.[table] ?? []) found.set(itemKey(item), item);
      pending = result.UnprocessedKeys?.[table]?.Keys;
    }
  }
  return found;
}

export function itemKey(key: { PK?: unknown; SK?: unknown }): string {
  return `${String(key.PK)}|${String(key.SK)}`;
}
