import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoContext } from '@bbws/data-access-dynamo';
import { operationKeys } from '@bbws/data-access-operations';
import type { Operation } from '@bbws/shared-contracts';
import { newId } from '@bbws/shared-util';

const BATCH = 25;
const DAY_MS = 86_400_000;

/**
 * A terminal operation of `tenantId` as the operations table stores it (keys and GSI1/GSI2 as
 * OperationDao writes them; terminal, so not in the sweeper's GSI3): the sites of a tenant each
 * collect creations, plugin actions, backups and updates over the 90 days operations are kept.
 */
export function operationItem(
  tenantId: string,
  index: number,
  total: number,
  now: number,
): Record<string, unknown> {
  const operationId = newId('op');
  const resourceId = `site-bench-${String(index % 200).padStart(3, '0')}`;
  const createdAt = new Date(now - Math.floor(((total - index) * 90 * DAY_MS) / total)).toISOString();
  const completedAt = new Date(Date.parse(createdAt) + 4_000).toISOString();
  const operation: Omit<Operation, 'lease' | 'currentStep' | 'message' | 'error' | 'dispatch' | 'sentAt'> = {
    operationId,
    tenantId,
    type: ['SITE_UPDATE', 'PLUGIN_INSTALL', 'SITE_BACKUP', 'PLUGIN_UPDATE'][index % 4],
    status: 'COMPLETED',
    resourceType: 'site',
    resourceId,
    progress: 100,
    steps: [
      { name: 'apply', status: 'COMPLETED', startedAt: createdAt, completedAt },
      { name: 'verify', status: 'COMPLETED', startedAt: createdAt, completedAt },
    ],
    result: { siteId: resourceId },
    attempts: 1,
    createdBy: 'bench-user',
    createdAt,
    startedAt: createdAt,
    completedAt,
    updatedAt: completedAt,
    version: 4,
    deadlineAt: new Date(Date.parse(createdAt) + 3_600_000).toISOString(),
    sendCount: 1,
  } as Omit<Operation, 'lease' | 'currentStep' | 'message' | 'error' | 'dispatch' | 'sentAt'>;
  return {
    ...operationKeys.operation(operationId),
    GSI1PK: operationKeys.byTenant(tenantId),
    GSI1SK: operationKeys.createdSort(createdAt, operationId),
    GSI2PK: operationKeys.byResource(resourceId),
    GSI2SK: operationKeys.createdSort(createdAt, operationId),
    entityType: 'OPERATION',
    schemaVersion: 1,
    ttl: Math.floor(Date.parse(completedAt) / 1000) + 90 * 86_400,
    ...operation,
  };
}

/**
 * Writes up to `count` operations of `tenantId` with BatchWriteItem, 25 a call, `inFlight` calls at a
 * time, and stops taking new batches once `deadline` (performance.now()) has passed; returns how many
 * were written.
 */
export async function seedOperations(
  db: DynamoContext,
  tenantId: string,
  count: number,
  deadline = Infinity,
  inFlight = 8,
): Promise<number> {
  const now = Date.now();
  let next = 0;
  let written = 0;
  const writer = async () => {
    while (next < count && performance.now() < deadline) {
      const from = next;
      next = Math.min(count, next + BATCH);
      const items = [];
      for (let index = from; index < next; index += 1) items.push(operationItem(tenantId, index, count, now));
      await writeAll(db, items);
      written += items.length;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, writer));
  return written;
}

async function writeAll(db: DynamoContext, items: Record<string, unknown>[]): Promise<void> {
  let requests = items.map((item) => ({ PutRequest: { Item: item } }));
  for (let attempt = 0; requests.length > 0; attempt += 1) {
    if (attempt > 10) throw new Error(`${requests.length} operations stayed unprocessed`);
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    const { UnprocessedItems } = await db.client.send(
      new BatchWriteCommand({ RequestItems: { [db.tables.operations]: requests } }),
    );
    requests = (UnprocessedItems?.[db.tables.operations] ?? []) as typeof requests;
  }
}
