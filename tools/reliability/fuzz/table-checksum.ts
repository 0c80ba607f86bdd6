import { createHash } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoContext } from '@bbws/data-access-dynamo';

/** Items and a SHA-256 over every item of every table of the context (each item's JSON, sorted). */
export async function tablesChecksum(db: DynamoContext): Promise<{ items: number; sha256: string }> {
  const lines: string[] = [];
  for (const table of Object.values(db.tables).sort()) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await db.client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: startKey }));
      for (const item of page.Items ?? []) lines.push(`${table} ${stableJson(item)}`);
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }
  lines.sort();
  return { items: lines.length, sha256: createHash('sha256').update(lines.join('\n')).digest('hex') };
}

function stableJson(value: unknown): string {
  if (value instanceof Set) return stableJson([...value].sort());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  return JSON.stringify(value) ?? 'undefined';
}
