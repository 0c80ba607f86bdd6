import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { normalizeName } from '@bbws/shared-util';
import type { Outcome } from './request-log';

/** What one POST /v1.0/tenants left in the table: the name guard, the tenant and its audit event. */
interface TenantWrite {
  guard: boolean;
  tenant: boolean;
  audit: boolean;
}

export interface WriteAudit {
  /** Answered 201 and all three items are there. */
  acknowledged: number;
  /** Answered 201 but an item is missing: a lost write. */
  lost: number;
  /**
   * Answered 201 right before the engine was SIGKILLed and gone after its restart, every item of it:
   * DynamoDB Local acknowledges a write before it is on disk, so its own crash can drop it (AWS
   * DynamoDB acknowledges only durable writes). Reported, not counted as the platform's loss.
   */
  lostByEngineCrash: number;
  /** Answered 503 and either all three items or none are there. */
  atomicFailures: number;
  /** Some but not all of one write's items: a partial write. */
  partial: number;
}

/**
 * Checks every tenant creation of the load against the table: a 2xx must have written all of its
 * items, anything else all or none of them.
 */
export async function auditTenantWrites(
  client: DynamoDBDocumentClient,
  table: string,
  writes: Outcome[],
  /** Whether a write was answered within the engine's unflushed window before a kill. */
  answeredJustBeforeCrash: (write: Outcome) => boolean,
): Promise<WriteAudit> {
  const items = await scanAll(client, table);
  const guards = new Map<string, string>();
  const tenants = new Map<string, string>();
  const audited = new Set<string>();
  for (const item of items) {
    const pk = String(item.PK);
    if (item.SK === 'GUARD' && pk.startsWith('ORGNAME#')) guards.set(pk.slice(8), String(item.tenantId));
    else if (item.SK === 'TENANT') tenants.set(String(item.organizationName), String(item.tenantId));
    else if (String(item.SK).startsWith('AUDIT#') && item.action === 'TENANT_CREATED')
      audited.add(pk.slice(7));
  }
  const audit: WriteAudit = { acknowledged: 0, lost: 0, lostByEngineCrash: 0, atomicFailures: 0, partial: 0 };
  for (const write of writes) {
    const tenantId = tenants.get(write.subject) ?? guards.get(normalizeName(write.subject));
    const found: TenantWrite = {
      guard: guards.has(normalizeName(write.subject)),
      tenant: tenants.has(write.subject),
      audit: tenantId !== undefined && audited.has(tenantId),
    };
    const count = Number(found.guard) + Number(found.tenant) + Number(found.audit);
    if (write.status === 201) {
      if (count === 3 && tenantId === (write.body as { tenantId?: string }).tenantId) audit.acknowledged += 1;
      else if (count === 0 && answeredJustBeforeCrash(write)) audit.lostByEngineCrash += 1;
      else audit.lost += 1;
    } else if (count === 0 || count === 3) audit.atomicFailures += 1;
    else audit.partial += 1;
  }
  return audit;
}

async function scanAll(client: DynamoDBDocumentClient, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
